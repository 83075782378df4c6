import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Survey, SurveyBundle } from '../../model/survey.js';
import type { Resolution } from '../markdown/context.js';

/**
 * Blocks generated from the survey data: `::respondents` (the cities that agreed to be named)
 * and `::questionnaire` (the codebook as asked). Built as trees; every string is escaped on output.
 */
export function generatedBlock(
  bundle: SurveyBundle,
  name: string,
  attributes: Readonly<Record<string, string>>,
  language: string,
): Resolution<Element> | undefined {
  if (name !== 'respondents' && name !== 'questionnaire') return undefined;
  const id = attributes['survey'] ?? bundle.defaultSurvey;
  const survey = id ? bundle.surveys.get(id) : undefined;
  if (!survey && id !== undefined && bundle.broken?.has(id)) return { ok: false, reason: `Survey \`${id}\` could not be read`, followOn: true };
  if (!survey) return { ok: false, reason: id ? `No survey \`${id}\` in data/` : 'No survey in data/; add a codebook or name one with survey=…' };
  return { ok: true, value: name === 'respondents' ? respondents(bundle, survey, language) : questionnaire(survey) };
}

function respondents(bundle: SurveyBundle, survey: Survey, language: string): Element {
  const countries = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  const named: { name: string; country: string; region: string }[] = [];
  let anonymous = 0;
  survey.data.cityCodes.forEach((code, row) => {
    const city = bundle.citiesByCode.get(code);
    if (!city || survey.data.consent[row] !== 1) {
      anonymous += 1;
      return;
    }
    named.push({ name: city.name, country: countries.of(city.country) ?? city.country, region: city.region });
  });
  const collator = new Intl.Collator(language);
  named.sort((a, b) => collator.compare(a.country, b.country) || collator.compare(a.name, b.name));
  return h('div', [
    h('table', { className: ['data-table'] }, [
      h('caption', 'Responding cities that agreed to be named'),
      h('thead', [h('tr', [h('th', { scope: 'col' }, 'City'), h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col' }, 'Region')])]),
      h('tbody', named.map((c) => h('tr', [h('td', c.name), h('td', c.country), h('td', c.region)]))),
    ]),
    h(
      'p',
      `${survey.respondents} cities in ${survey.countries} countries responded to the ${survey.shortTitle}. ` +
        `${named.length} agreed to be named; ${anonymous} asked to remain anonymous and are not listed.`,
    ),
  ]);
}

function questionnaire(survey: Survey): Element {
  return h(
    'ol',
    survey.questions.map((q) =>
      h('li', [
        h('p', [h('strong', `${q.id}. `), q.wording]),
        h('p', [h('em', typeLabel(q.type, q.unit))]),
        q.options.length > 0 ? h('ul', q.options.map((o) => h('li', `${o.code}: ${o.label}`))) : '',
        q.bands.length > 0 ? h('ul', q.bands.map((b) => h('li', `${b.min}–${b.max}: ${b.label}`))) : '',
      ]),
    ),
  );
}

function typeLabel(type: string, unit: string | undefined): string {
  switch (type) {
    case 'single':
      return 'One answer.';
    case 'multi':
      return 'Multiple answers possible.';
    case 'scale_0_10':
      return 'Scale from 0 to 10.';
    case 'likert':
      return 'Five-point scale.';
    case 'numeric':
      return `Number${unit ? ` (${unit})` : ''}.`;
    case 'ranking':
      return 'Ranked answers (open text, coded afterwards).';
    default:
      return 'Open answer (not published).';
  }
}
