import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';

/**
 * The default favicon, built as a tree: three bars on the banner colour, a chart that reads at
 * 16 px and needs no font. An SVG favicon scales to every size browsers ask for.
 */
export function defaultFavicon(): string {
  const bar = (i: number, height: number) => x('rect', { x: String(7 + i * 7), y: String(26 - height), width: '5', height: String(height), rx: '1', fill: '#ffffff' });
  return (
    toXml(
      x('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 32 32' }, [
        x('rect', { width: '32', height: '32', rx: '6', fill: '#06345f' }),
        bar(0, 10),
        bar(1, 18),
        bar(2, 14),
      ]),
    ) + '\n'
  );
}
