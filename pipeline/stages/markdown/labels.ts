import type { Labels } from './context.js';

const byLanguage: Record<string, Labels> = {
  en: { figure: 'Figure', notes: 'Notes', backToText: 'Back to reference', membersOnly: 'Members only', table: 'Table', page: 'p.' },
  fr: { figure: 'Figure', notes: 'Notes', backToText: 'Retour à la référence', membersOnly: 'Réservé aux membres', table: 'Tableau', page: 'p.' },
  de: { figure: 'Abbildung', notes: 'Anmerkungen', backToText: 'Zurück zum Verweis', membersOnly: 'Nur für Mitglieder', table: 'Tabelle', page: 'S.' },
  es: { figure: 'Figura', notes: 'Notas', backToText: 'Volver a la referencia', membersOnly: 'Solo para miembros', table: 'Tabla', page: 'p.' },
  it: { figure: 'Figura', notes: 'Note', backToText: 'Torna al riferimento', membersOnly: 'Riservato ai membri', table: 'Tabella', page: 'p.' },
  pl: { figure: 'Rysunek', notes: 'Przypisy', backToText: 'Powrót do odwołania', membersOnly: 'Tylko dla członków', table: 'Tabela', page: 's.' },
  nl: { figure: 'Figuur', notes: 'Noten', backToText: 'Terug naar verwijzing', membersOnly: 'Alleen voor leden', table: 'Tabel', page: 'p.' },
};

/** The pipeline's own words in the edition's language (English when the language is not known). */
export function labelsFor(language: string): Labels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return byLanguage[primary] ?? (byLanguage['en'] as Labels);
}
