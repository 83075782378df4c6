import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Survey, SurveyBundle } from '../../model/survey.js';
import type { Locale } from '../../locale/index.js';
import type { Resolution } from '../markdown/context.js';

/**
 * Blocks generated from the survey data: `::respondents` (the cities that agreed to be named)
 * and `::questionnaire` (the codebook as asked). Built as trees; every string is escaped on output.
 */
export function generatedBlock(
  bundle: SurveyBundle,
  name: string,
  attributes: Readonly<Record<string, string>>,
  locale: Locale,
): Resolution<Element> | undefined {
  if (name !== 'respondents' && name !== 'questionnaire') return undefined;
  const id = attributes['survey'] ?? bundle.defaultSurvey;
  const survey = id ? bundle.surveys.get(id) : undefined;
  if (!survey && id !== undefined && bundle.broken?.has(id)) return { ok: false, reason: `Survey \`${id}\` could not be read`, followOn: true };
  if (!survey) return { ok: false, reason: id ? `No survey \`${id}\` in data/` : 'No survey in data/; add a codebook or name one with survey=…' };
  return { ok: true, value: name === 'respondents' ? respondents(bundle, survey, locale) : questionnaire(survey, locale) };
}

function respondents(bundle: SurveyBundle, survey: Survey, locale: Locale): Element {
  const named: { name: string; country: string; region: string }[] = [];
  let anonymous = 0;
  survey.data.cityCodes.forEach((code, row) => {
    const city = bundle.citiesByCode.get(code);
    if (!city || survey.data.consent[row] !== 1) {
      anonymous += 1;
      return;
    }
    named.push({ name: city.name, country: locale.countryName(city.country), region: locale.regionName(city.region) });
  });
  named.sort((a, b) => locale.compare(a.country, b.country) || locale.compare(a.name, b.name));
  return h('div', [
    h('table', { className: ['data-table'] }, [
      h('caption', locale.t('respondents.caption')),
      h('thead', [h('tr', [h('th', { scope: 'col' }, locale.t('city')), h('th', { scope: 'col' }, locale.t('country')), h('th', { scope: 'col' }, locale.t('region'))])]),
      h('tbody', named.map((c) => h('tr', [h('td', c.name), h('td', c.country), h('td', c.region)]))),
    ]),
    h('p', locale.t('respondents.text', { respondents: survey.respondents, countries: survey.countries, survey: survey.shortTitle, named: named.length, anonymous })),
  ]);
}

function questionnaire(survey: Survey, locale: Locale): Element {
  return h(
    'ol',
    survey.questions.map((q) =>
      h('li', [
        h('p', [h('strong', `${q.id}. `), q.wording]),
        h('p', [h('em', typeLabel(q.type, q.unit, locale))]),
        q.options.length > 0 ? h('ul', q.options.map((o) => h('li', `${o.code}: ${o.label}`))) : '',
        q.bands.length > 0 ? h('ul', q.bands.map((b) => h('li', `${b.min}–${b.max}: ${b.label}`))) : '',
      ]),
    ),
  );
}

function typeLabel(type: string, unit: string | undefined, locale: Locale): string {
  switch (type) {
    case 'single':
      return locale.t('type.single');
    case 'multi':
      return locale.t('type.multi');
    case 'scale_0_10':
      return locale.t('type.scale');
    case 'likert':
      return locale.t('type.likert');
    case 'numeric':
      return unit ? locale.t('type.numericUnit', { unit }) : locale.t('type.numeric');
    case 'ranking':
      return locale.t('type.ranking');
    default:
      return locale.t('type.open');
  }
}
