/** English names of the countries Eurocities members are in (ISO 3166-1 alpha-2). */
export const countryNames: ReadonlyMap<string, string> = new Map([
  ['AL', 'Albania'], ['AM', 'Armenia'], ['AT', 'Austria'], ['BA', 'Bosnia and Herzegovina'], ['BE', 'Belgium'],
  ['BG', 'Bulgaria'], ['BY', 'Belarus'], ['CH', 'Switzerland'], ['CY', 'Cyprus'], ['CZ', 'Czechia'],
  ['DE', 'Germany'], ['DK', 'Denmark'], ['EE', 'Estonia'], ['ES', 'Spain'], ['FI', 'Finland'], ['FR', 'France'],
  ['GB', 'United Kingdom'], ['GE', 'Georgia'], ['GR', 'Greece'], ['HR', 'Croatia'], ['HU', 'Hungary'],
  ['IE', 'Ireland'], ['IS', 'Iceland'], ['IT', 'Italy'], ['LI', 'Liechtenstein'], ['LT', 'Lithuania'],
  ['LU', 'Luxembourg'], ['LV', 'Latvia'], ['MD', 'Moldova'], ['ME', 'Montenegro'], ['MK', 'North Macedonia'],
  ['MT', 'Malta'], ['NL', 'Netherlands'], ['NO', 'Norway'], ['PL', 'Poland'], ['PT', 'Portugal'], ['RO', 'Romania'],
  ['RS', 'Serbia'], ['SE', 'Sweden'], ['SI', 'Slovenia'], ['SK', 'Slovakia'], ['TR', 'Türkiye'], ['UA', 'Ukraine'],
  ['XK', 'Kosovo'],
]);

export const memberTypeLabels = { full: 'Full members', associate: 'Associates', partner: 'Partners' } as const;
