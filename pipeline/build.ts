import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { fontFaceCss, loadFonts } from './assets/fonts.js';
import { compileEdition } from './compile.js';
import { hasErrors } from './diagnostics/report.js';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { StagedOutput } from './output/atomic.js';
import { emitHtml } from './stages/emit-html/index.js';
import { readSources, type EditionSources } from './stages/load/read-sources.js';

export type Format = 'html' | 'pdf' | 'all';

export interface BuildOptions {
  readonly root: string;
  readonly out: string;
  readonly format: Format;
  readonly profile: Audience;
  readonly keepPrintHtml: boolean;
  readonly buildDate: Date;
  /** Unique per run, e.g. "<pid>-<time>": names the staging folder. */
  readonly runToken: string;
  readonly browserPath?: string;
  readonly log: (line: string) => void;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly edition: Edition | undefined;
  readonly written: { readonly html?: string; readonly pdf?: string };
}

/** The project's own folder, where the default styles live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function build(options: BuildOptions): Promise<BuildResult> {
  const { log } = options;
  // 1. Read the edition's sources.
  const sources = await readSources(options.root);

  // 2. Compile them into one model; stop on content errors before touching the output.
  const compiled = await compileEdition(sources, { profile: options.profile, buildDate: options.buildDate, drawCharts: true });
  const edition = compiled.edition;
  if (!edition || hasErrors(compiled.files)) return { ok: false, files: compiled.files, edition, written: {} };
  log(`compiled ${edition.chapters.length} chapters, ${edition.chapters.reduce((n, c) => n + c.figures.length, 0)} figures`);

  // 3. Build into a staging folder beside the output.
  const staged = await StagedOutput.open(options.out, options.runToken);
  try {
    const styles = await loadStyles(sources);
    const folders: string[] = [];
    let pdf: { name: string; bytes: Uint8Array } | undefined;
    if (options.format !== 'html') {
      // 4. The PDF edition (heavy modules load only when a PDF is asked for).
      const { emitPdf } = await import('./stages/emit-pdf/index.js');
      const result = await emitPdf(edition, {
        outDir: path.join(staged.stagingDir, 'pdf'),
        keepPrintHtml: options.keepPrintHtml,
        executablePath: options.browserPath,
        styles: { printCss: styles.print, chartsCss: styles.charts },
        log,
      });
      pdf = { name: path.basename(result.pdfPath), bytes: await readFile(result.pdfPath) };
      folders.push('pdf');
      log(`pdf: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(2)} MB, ${result.tocChecked} TOC entries verified`);
    } else {
      pdf = await existingPdf(options.out, edition);
    }
    if (options.format !== 'pdf') {
      // 5. The HTML edition.
      const fonts = await loadFonts();
      const css = [fontFaceCss(fonts, (f) => `fonts/${f.name}`), styles.web, styles.charts].join('\n');
      const files = emitHtml(edition, { css, fonts, pdf });
      for (const f of files) await staged.write(`html/${f.path}`, f.contents);
      folders.push('html');
      log(`html: ${files.length} files`);
    }
    // 6. Swap the new output in.
    await staged.commit(folders);
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return {
    ok: true,
    files: compiled.files,
    edition,
    written: {
      ...(options.format !== 'pdf' ? { html: path.join(options.out, 'html') } : {}),
      ...(options.format !== 'html' ? { pdf: path.join(options.out, 'pdf', `${edition.config.slug}.pdf`) } : {}),
    },
  };
}

/** Check an edition without writing anything. */
export async function check(root: string, profile: Audience, buildDate: Date): Promise<{ files: readonly VFile[]; edition: Edition | undefined }> {
  const sources = await readSources(root);
  return compileEdition(sources, { profile, buildDate, drawCharts: false });
}

interface Styles {
  readonly web: string;
  readonly print: string;
  readonly charts: string;
}

/** The project's styles, then the edition's own overrides (when the edition lives elsewhere). */
async function loadStyles(sources: EditionSources): Promise<Styles> {
  const own = async (name: string) => readFile(path.join(projectRoot, 'styles', name), 'utf8').catch(() => '');
  const samePlace = path.resolve(sources.root) === projectRoot;
  const override = (name: string) => {
    if (samePlace) return '';
    const file = sources.styles.find((s) => s.path === `styles/${name}`);
    return file ? new TextDecoder().decode(file.bytes) : '';
  };
  const [web, print, charts] = await Promise.all([own('web.css'), own('print.css'), own('charts.css')]);
  return { web: web + override('web.css'), print: print + override('print.css'), charts: charts + override('charts.css') };
}

/** For an HTML-only build, keep linking the PDF if the last full build left one. */
async function existingPdf(out: string, edition: Edition): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = path.join(out, 'pdf', `${edition.config.slug}.pdf`);
  try {
    await stat(file);
    return { name: `${edition.config.slug}.pdf`, bytes: await readFile(file) };
  } catch {
    return undefined;
  }
}
