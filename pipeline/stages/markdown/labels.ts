import type { Labels } from './context.js';

const byLanguage: Record<string, Labels> = {
  en: { figure: 'Figure', notes: 'Notes', backToText: 'Back to reference', membersOnly: 'Members only', table: 'Table' },
  fr: { figure: 'Figure', notes: 'Notes', backToText: 'Retour à la référence', membersOnly: 'Réservé aux membres', table: 'Tableau' },
  de: { figure: 'Abbildung', notes: 'Anmerkungen', backToText: 'Zurück zum Verweis', membersOnly: 'Nur für Mitglieder', table: 'Tabelle' },
  es: { figure: 'Figura', notes: 'Notas', backToText: 'Volver a la referencia', membersOnly: 'Solo para miembros', table: 'Tabla' },
  it: { figure: 'Figura', notes: 'Note', backToText: 'Torna al riferimento', membersOnly: 'Riservato ai membri', table: 'Tabella' },
  pl: { figure: 'Rysunek', notes: 'Przypisy', backToText: 'Powrót do odwołania', membersOnly: 'Tylko dla członków', table: 'Tabela' },
  nl: { figure: 'Figuur', notes: 'Noten', backToText: 'Terug naar verwijzing', membersOnly: 'Alleen voor leden', table: 'Tabel' },
};

/** The pipeline's own words in the edition's language (English when the language is not known). */
export function labelsFor(language: string): Labels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return byLanguage[primary] ?? (byLanguage['en'] as Labels);
}

/** The EPUB edition's own words: its navigation and title page. */
export interface EpubLabels {
  readonly contents: string;
  readonly landmarks: string;
  readonly pageList: string;
  readonly titlePage: string;
  readonly start: string;
}

const epubByLanguage: Record<string, EpubLabels> = {
  en: { contents: 'Contents', landmarks: 'Landmarks', pageList: 'Page list', titlePage: 'Title page', start: 'Start of content' },
  fr: { contents: 'Sommaire', landmarks: 'Repères', pageList: 'Liste des pages', titlePage: 'Page de titre', start: 'Début du contenu' },
  de: { contents: 'Inhalt', landmarks: 'Orientierungspunkte', pageList: 'Seitenliste', titlePage: 'Titelseite', start: 'Beginn des Inhalts' },
  es: { contents: 'Índice', landmarks: 'Puntos de referencia', pageList: 'Lista de páginas', titlePage: 'Portada', start: 'Inicio del contenido' },
  it: { contents: 'Indice', landmarks: 'Punti di riferimento', pageList: 'Elenco delle pagine', titlePage: 'Frontespizio', start: 'Inizio del contenuto' },
  pl: { contents: 'Spis treści', landmarks: 'Punkty orientacyjne', pageList: 'Lista stron', titlePage: 'Strona tytułowa', start: 'Początek treści' },
  nl: { contents: 'Inhoud', landmarks: 'Oriëntatiepunten', pageList: 'Paginalijst', titlePage: 'Titelpagina', start: 'Begin van de inhoud' },
};

/** The EPUB's navigation words in the edition's language (English when the language is not known). */
export function epubLabelsFor(language: string): EpubLabels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return epubByLanguage[primary] ?? (epubByLanguage['en'] as EpubLabels);
}
