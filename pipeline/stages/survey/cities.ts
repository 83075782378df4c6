/** Read data/cities.csv into City records (see docs/authoring.md#cities). */
import type { VFile } from 'vfile';
import { memberTypes, regions, type City, type MemberType, type Region } from '../../model/survey.js';
import { report } from '../../diagnostics/report.js';
import { readCsv } from './csv.js';
import { countryNames } from './countries.js';
import type { FileFormat } from './format.js';
import { parseNumber } from './format.js';
import { readHeader, type Header } from './table.js';

export const cityColumns = ['code', 'name', 'ascii_name', 'country', 'region', 'member_type', 'lat', 'lon', 'population'] as const;
const required = cityColumns.filter((c) => c !== 'population');

export interface CitiesRead {
  readonly cities: City[];
  /** Codes of rows that were reported and left out: answers from these cities are not unknown cities. */
  readonly rejected: ReadonlySet<string>;
  /** False when the table as a whole could not be read (a required column is missing). */
  readonly usable: boolean;
}

export function readCities(file: VFile, text: string, format: FileFormat): CitiesRead {
  const cities: City[] = [];
  const rejected = new Set<string>();
  const seen = new Map<string, number>();
  let header: Header | undefined;
  let usable = true;
  readCsv(
    text,
    format.delimiter,
    (row) => {
      if (!header) {
        header = readHeader(row);
        for (const c of required) {
          if (!header.index.has(c)) {
            usable = false;
            report(file, 'cities-field', `Column "${c}" is missing from the header (expected: ${cityColumns.join(', ')})`, row.cellPlace(0));
          }
        }
        return;
      }
      const codeAt = header.index.get('code');
      const rowCode = codeAt === undefined ? '' : (row.cells[codeAt] ?? '').trim();
      if (!usable) return;
      if (row.broken) return void rejected.add(rowCode);
      if (row.cells.length !== header.names.length) {
        rejected.add(rowCode);
        report(file, 'csv-ragged', `Row has ${row.cells.length} cells, the header has ${header.names.length}`, row.cellPlace(0));
        return;
      }
      const h = header;
      const cell = (name: string) => (row.cells[h.index.get(name) ?? -1] ?? '').trim();
      const fail = (name: string, reason: string) => {
        rejected.add(rowCode);
        report(file, 'cities-field', reason, row.cellPlace(h.index.get(name) ?? 0));
        return undefined;
      };
      const code = cell('code');
      if (!/^[A-Za-z0-9-]+$/.test(code)) return void fail('code', `code: "${code}" is not a valid city code (letters, digits and dashes)`);
      const first = seen.get(code);
      if (first !== undefined) return void fail('code', `City code ${code} is already used on line ${first}`);
      seen.set(code, row.line);
      const name = cell('name');
      const asciiName = cell('ascii_name') || name;
      const country = cell('country');
      const region = cell('region');
      const memberType = cell('member_type');
      const lat = parseNumber(cell('lat'), format.decimal);
      const lon = parseNumber(cell('lon'), format.decimal);
      const popText = h.index.has('population') ? cell('population') : '';
      const population = popText === '' ? undefined : parseNumber(popText, format.decimal);
      let ok = true;
      const bad = (col: string, reason: string) => { ok = false; fail(col, reason); };
      if (name === '') bad('name', 'name: the city name is empty');
      if (!/^[\x20-\x7e]+$/.test(asciiName)) bad('ascii_name', `ascii_name: "${asciiName}" must use ASCII letters only, e.g. Lodz for Łódź`);
      if (!countryNames.has(country)) bad('country', `country: "${country}" is not a two-letter ISO code in capitals, e.g. PL`);
      if (!(regions as readonly string[]).includes(region)) bad('region', `region: "${region}" is not one of ${regions.join(', ')}`);
      if (!(memberTypes as readonly string[]).includes(memberType)) bad('member_type', `member_type: "${memberType}" is not one of ${memberTypes.join(', ')}`);
      if (lat === undefined || lat < -90 || lat > 90) bad('lat', `lat: "${cell('lat')}" is not a latitude in degrees`);
      if (lon === undefined || lon < -180 || lon > 180) bad('lon', `lon: "${cell('lon')}" is not a longitude in degrees`);
      if (popText !== '' && (population === undefined || population < 0 || !Number.isInteger(population))) {
        bad('population', `population: "${popText}" is not a whole number of inhabitants`);
      }
      if (!ok || lat === undefined || lon === undefined) return;
      cities.push({
        code, name, asciiName, country,
        region: region as Region,
        memberType: memberType as MemberType,
        lat, lon, population,
      });
    },
    (problem) => report(file, 'csv-parse', problem.reason, problem.place),
  );
  return { cities, rejected, usable: usable && header !== undefined };
}
