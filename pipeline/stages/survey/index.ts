/** Survey stage: load data/ into a SurveyBundle, aggregate questions, resolve `:stat`. */
export { loadSurveys, type LoadSurveysOptions } from './load.js';
export { aggregateQuestion, type Selection } from './aggregate.js';
export { breakdown } from './breakdown.js';
export { yearOnYear } from './year-on-year.js';
export { displayPercent, roundHalfUp, sharePercent } from './rounding.js';
export { resolveStat } from './stat.js';
export { formatPercent, formatNumber } from './number-format.js';
export { countryNames, memberTypeLabels } from './countries.js';
