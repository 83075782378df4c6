/**
 * Turn Vega's SVG into one accessible image:
 * - the root <svg> gets role="img", aria-labelledby → <title> (the alt text, its accessible name)
 *   and aria-describedby → <desc> (what kind of chart it is), so the PDF /Alt is the alt text exactly;
 * - everything Vega drew sits in one aria-hidden group and loses its own roles and labels, so a
 *   tagged PDF gets exactly one Figure per chart (platform.md);
 * - ids (Vega's clip paths and gradients come from a process-wide counter) are renamed in
 *   document order under the figure's domId, so output is deterministic and two charts on one
 *   page never share an id;
 * - scripts, event handlers and javascript: links are dropped (Vega emits none; this is a guard);
 * - path coordinates are rounded to 0.1 px, which halves map SVGs without a visible change.
 */

export interface SvgLabels {
  readonly domId: string;
  readonly title: string;
  readonly desc: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const rootOpen = /^\s*<svg\b([^>]*)>/;

export function finishSvg(svg: string, labels: SvgLabels): string {
  const open = rootOpen.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (!open || close < 0) throw new Error('Vega did not return an <svg> element');
  let inner = svg.slice(open[0].length, close);

  inner = inner
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\s(?:on[a-z]+|role|aria-[a-z]+)="[^"]*"/gi, '')
    .replace(/\s(?:xlink:)?href="\s*javascript:[^"]*"/gi, '');
  inner = renameIds(inner, labels.domId);
  inner = inner.replace(/\sd="([^"]*)"/g, (_m, d: string) => ` d="${roundPath(d)}"`);

  const rootAttrs = open[1]!
    .replace(/\s(?:on[a-z]+|role|aria-[a-z]+|id)="[^"]*"/gi, '')
    .trim();
  const titleId = `${labels.domId}-title`;
  const descId = `${labels.domId}-desc`;
  return (
    `<svg ${rootAttrs} role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<title id="${titleId}">${escapeXml(labels.title)}</title>` +
    `<desc id="${descId}">${escapeXml(labels.desc)}</desc>` +
    `<g aria-hidden="true">${inner}</g></svg>`
  );
}

/** Rename every id in order of first definition, and every reference to it. */
function renameIds(svg: string, prefix: string): string {
  const map = new Map<string, string>();
  const defined = svg.replace(/\sid="([^"]*)"/g, (_m, id: string) => {
    let next = map.get(id);
    if (next === undefined) {
      next = `${prefix}-${map.size + 1}`;
      map.set(id, next);
    }
    return ` id="${next}"`;
  });
  return defined
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => {
      const next = map.get(id);
      return next === undefined ? m : `url(#${next})`;
    })
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (m, attr: string, id: string) => {
      const next = map.get(id);
      return next === undefined ? m : `${attr}#${next}"`;
    });
}

function roundPath(d: string): string {
  return d.replace(/-?\d*\.\d+(?:e-?\d+)?/gi, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}
