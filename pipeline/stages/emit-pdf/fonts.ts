import { fontFaceCss, loadFonts } from '../../assets/fonts.js';

/**
 * @font-face rules with the woff2 files inlined as data: URLs, so the print document is
 * self-contained and Chromium never reads node_modules itself. Chromium embeds only the glyphs
 * used, so unused faces cost space in the print HTML only.
 */
export async function loadFontCss(): Promise<string> {
  const fonts = await loadFonts();
  return fontFaceCss(fonts, (f) => `data:font/woff2;base64,${Buffer.from(f.bytes).toString('base64')}`, 'block');
}
