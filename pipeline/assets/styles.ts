import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fontFaceCss, loadFonts } from './fonts.js';
import type { HtmlAssets } from '../stages/emit-html/index.js';
import { loadRasterFonts } from '../stages/emit-html/raster-fonts.js';
import type { EditionSources } from '../stages/load/read-sources.js';
import { projectRoot } from '../paths.js';

export interface Styles {
  readonly web: string;
  readonly print: string;
  readonly charts: string;
  readonly epub: string;
}

/** The project's styles, then the edition's own overrides (when the edition lives elsewhere). */
export async function loadStyles(sources: EditionSources): Promise<Styles> {
  const own = async (name: string) => readFile(path.join(projectRoot, 'styles', name), 'utf8').catch(() => '');
  const samePlace = path.resolve(sources.root) === projectRoot;
  const override = (name: string) => {
    if (samePlace) return '';
    const file = sources.styles.find((s) => s.path === `styles/${name}`);
    return file ? new TextDecoder().decode(file.bytes) : '';
  };
  const [web, print, charts, epub] = await Promise.all([own('web.css'), own('print.css'), own('charts.css'), own('epub.css')]);
  return { web: web + override('web.css'), print: print + override('print.css'), charts: charts + override('charts.css'), epub: epub + override('epub.css') };
}

/** Stylesheet and fonts for the HTML edition (the build and the preview share this). */
export async function htmlAssets(styles: Styles, pdf?: HtmlAssets['pdf'], data?: HtmlAssets['data'], images = false): Promise<HtmlAssets> {
  const [fonts, raster] = await Promise.all([loadFonts(), images ? loadRasterFonts() : undefined]);
  const css = [fontFaceCss(fonts, (f) => `fonts/${f.name}`), styles.web, styles.charts].join('\n');
  return { css, fonts, pdf, data, ...(raster ? { raster } : {}) };
}
