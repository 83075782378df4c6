import { createHash } from 'node:crypto';
import type { Element as XElement } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Figure } from '../../model/figure.js';
import { textWidth } from '../charts/text-metrics.js';
import { drawPng } from '../charts/workers.js';
import { inLanes } from '../../lanes.js';

/**
 * PNG images made with a real rasteriser (resvg) from SVG built as trees, with the edition's own
 * fonts (Source Sans 3, given as files; no system font is read): a press image of every chart and
 * a 1200×630 social card per page. The SVGs are made here as jobs; drawImages draws them.
 */
export interface RasterFonts {
  /** Paths of OpenType/TrueType font files (read by the rasteriser itself). */
  readonly files: readonly string[];
  /** Images made by an earlier build, by a hash of their input: an unchanged image is not drawn again. */
  readonly memo?: Memo<Uint8Array> | undefined;
}

/** Results of an earlier build by a hash of their input: the images here, the pages in index.ts. */
export interface Memo<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

const FAMILY = 'Source Sans 3';
const INK = '#1b1e24';
const MUTED = '#4a5160';
const BANNER = '#06345f';

const xml = (tree: XElement) => toXml(tree, { allowDangerousXml: true });

/**
 * One image to draw: where it goes in the site, the width to scale it to, and its SVG, made only
 * when the image is drawn. `input` is everything the SVG is made from (with the kind of image):
 * the memo's key, so an image drawn before is found without making its SVG. How an input becomes
 * an SVG is the pipeline's code, which the cache as a whole is keyed on.
 */
export interface ImageJob {
  readonly path: string;
  readonly input: string;
  readonly svg: () => string;
  readonly width?: number | undefined;
}

/**
 * Draw every image, those of an earlier build from the memo. The rest are drawn in the PNG
 * threads (low priority, charts/png-worker.ts), `parallel` at a time: one while the PDF prints, so
 * the thread that prints it is not held up and Chromium keeps a core of its own; as many as there
 * are threads otherwise. Same input, same bytes. Returns PNG bytes by path.
 */
export async function drawImages(jobs: readonly ImageJob[], fonts: RasterFonts, parallel = 1, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
  // After a failure or a stop nothing more is drawn (nor the PNG threads started again).
  const drawn = await inLanes(jobs, parallel, (job) => drawOne(job, fonts), signal);
  return new Map(jobs.map((job, i) => [job.path, drawn[i] as Uint8Array]));
}

async function drawOne(job: ImageJob, fonts: RasterFonts): Promise<Uint8Array> {
  const key = fonts.memo && createHash('sha256').update(`${job.width ?? ''}\0${fonts.files.join('\0')}\0${job.input}`).digest('hex');
  const known = key === undefined ? undefined : fonts.memo?.get(key);
  if (known) return known;
  const options = {
    ...(job.width ? { fitTo: { mode: 'width' as const, value: job.width } } : {}),
    font: { fontFiles: [...fonts.files], loadSystemFonts: false, defaultFontFamily: FAMILY },
    background: '#ffffff',
  };
  const png = await drawPng({ svg: job.svg(), options });
  if (key !== undefined) fonts.memo?.set(key, png);
  return png;
}

/** Greedy line breaking with the charts' width table; the last kept line ends in "…" when cut. */
export function wrap(text: string, size: number, width: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

function textBlock(lines: readonly string[], at: { x: number; y: number; size: number; lead: number; weight: number; fill: string }): XElement[] {
  return lines.map((l, i) => x('text', { x: String(at.x), y: String(at.y + i * at.lead), 'font-family': FAMILY, 'font-size': String(at.size), 'font-weight': String(at.weight), fill: at.fill }, l));
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 640), height: Number(m?.[2] ?? 400) };
}

/**
 * A chart's SVG placed and scaled inside a card. It goes in as it is (our own Vega output, not
 * content): as a nested <svg> its text keeps the given fonts, which an <image> would not.
 */
function placed(svg: string, left: number, top: number, scale: number): XElement {
  const raw = { type: 'raw', value: svg.replace(/^<\?xml[^>]*>\s*/, '') } as unknown as XElement;
  return x('g', { transform: `translate(${round(left)} ${round(top)}) scale(${round(scale)})` }, [raw]);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A chart for the press: figure number and caption, the chart, its source note and the credit,
 * on white, 1600 px wide. Laid out in the chart's own units (640 wide) and scaled up.
 */
export function chartImage(path: string, figure: Figure, figureLabel: string, credit: string): ImageJob {
  const input = JSON.stringify(['chart', figure.svg, figureLabel, figure.number, figure.caption, figure.sourceNote, credit]);
  return { path, input, svg: () => chartSvg(figure, figureLabel, credit), width: 1600 };
}

function chartSvg(figure: Figure, figureLabel: string, credit: string): string {
  const chart = svgSize(figure.svg);
  const W = chart.width + 32;
  const title = wrap(`${figureLabel} ${figure.number}  ${figure.caption}`, 15, W - 32, 4, true);
  const source = wrap(figure.sourceNote, 10, W - 32, 6);
  let y = 16 + 15;
  const parts: XElement[] = [...textBlock(title, { x: 16, y, size: 15, lead: 19, weight: 700, fill: INK })];
  y += (title.length - 1) * 19 + 14;
  parts.push(placed(figure.svg, 16, y, 1));
  y += chart.height + 18;
  parts.push(...textBlock(source, { x: 16, y, size: 10, lead: 13, weight: 400, fill: MUTED }));
  y += (source.length - 1) * 13 + 16;
  parts.push(...textBlock([credit], { x: 16, y, size: 10, lead: 13, weight: 600, fill: MUTED }));
  const H = Math.ceil(y + 14);
  return xml(x('svg', { xmlns: 'http://www.w3.org/2000/svg', width: String(W), height: String(H), viewBox: `0 0 ${W} ${H}` }, [x('rect', { width: String(W), height: String(H), fill: '#ffffff' }), ...parts]));
}

export interface CardText {
  readonly edition: string;
  readonly kind: string;
  readonly title: string;
  readonly footer: string;
}

/** A 1200×630 social card: the page's title on the banner colour, with the page's first chart when it has one. */
export function socialCardImage(path: string, text: CardText, chart: Figure | undefined): ImageJob {
  const input = JSON.stringify(['card', text.edition, text.kind, text.title, text.footer, chart?.svg ?? null]);
  return { path, input, svg: () => cardSvg(text, chart) };
}

function cardSvg(text: CardText, chart: Figure | undefined): string {
  const W = 1200;
  const H = 630;
  const parts: XElement[] = [
    x('rect', { width: String(W), height: String(H), fill: BANNER }),
    x('rect', { y: String(H - 12), width: String(W), height: '12', fill: '#7fb2e5' }),
    ...textBlock([text.edition.toUpperCase()], { x: 64, y: 84, size: 26, lead: 30, weight: 600, fill: '#c9d9ee' }),
  ];
  if (chart) {
    const title = wrap(text.title, 46, W - 128, 2, true);
    parts.push(...textBlock(title, { x: 64, y: 150, size: 46, lead: 54, weight: 700, fill: '#ffffff' }));
    const top = 150 + (title.length - 1) * 54 + 40;
    const size = svgSize(chart.svg);
    const box = { x: 64, y: top, width: W - 128, height: H - 60 - top };
    const scale = Math.min((box.width - 48) / size.width, (box.height - 32) / size.height);
    const w = size.width * scale;
    const hgt = size.height * scale;
    parts.push(x('rect', { x: String(box.x), y: String(box.y), width: String(box.width), height: String(box.height), rx: '8', fill: '#ffffff' }));
    parts.push(placed(chart.svg, box.x + (box.width - w) / 2, box.y + (box.height - hgt) / 2, scale));
  } else {
    parts.push(...textBlock([text.kind], { x: 64, y: 200, size: 30, lead: 36, weight: 600, fill: '#7fb2e5' }));
    const title = wrap(text.title, 64, W - 128, 4, true);
    parts.push(...textBlock(title, { x: 64, y: 290, size: 64, lead: 74, weight: 700, fill: '#ffffff' }));
    parts.push(...textBlock([text.footer], { x: 64, y: H - 60, size: 26, lead: 30, weight: 400, fill: '#c9d9ee' }));
  }
  return xml(x('svg', { xmlns: 'http://www.w3.org/2000/svg', width: String(W), height: String(H), viewBox: `0 0 ${W} ${H}` }, parts));
}
