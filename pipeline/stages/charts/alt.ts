/**
 * What is wrong with a chart's text alternative, or undefined: it must exist and must say what
 * the chart shows, which the caption (its title) does not.
 */
export function chartAltProblem(alt: string, caption: string | undefined): string | undefined {
  const text = alt.trim();
  if (text === '') return 'The chart has no alt text; add alt="…" describing what it shows';
  if (caption !== undefined && text === caption.trim()) return 'The alt text repeats the caption; describe what the chart shows instead';
  return undefined;
}
