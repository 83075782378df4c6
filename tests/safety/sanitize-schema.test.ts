import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { labelsOf } from '../../pipeline/stages/markdown/labels.js';
import { resolveLocale } from '../../pipeline/locale/index.js';
import { parseMarkdown } from '../../pipeline/stages/markdown/parse.js';
import { sanitizeSchema } from '../../pipeline/stages/markdown/sanitize-schema.js';
import { toSafeHast } from '../../pipeline/stages/markdown/to-hast.js';

/**
 * One test per deliberate extension of the GitHub schema (see the list in sanitize-schema.ts).
 * Each runs raw HTML through the real chain (remark-rehype → rehype-raw → protect-ids → tables →
 * rehype-sanitize) and checks that the extension allows exactly what it says and nothing more.
 */
async function clean(markdown: string, headingIds: readonly string[] = []): Promise<string> {
  const file = new VFile({ path: 'chapters/x.md', value: markdown });
  const parsed = parseMarkdown(file);
  if (!parsed) throw new Error(String(file.messages));
  const { hast } = await toSafeHast(parsed.tree, labelsOf(resolveLocale({ language: 'en' })), new Set(headingIds), 1);
  // Whether raw HTML lands inside a paragraph depends on Markdown's block rules, not on the schema.
  return toHtml(hast).replace(/<\/?p>/g, '').trim();
}

describe('sanitize schema extensions', () => {
  it('1. figure placeholders: data-monitor-figure on div only, no other data attribute', async () => {
    expect(await clean('<div data-monitor-figure="fig-a" data-x="1" data-monitor-other="2"></div>')).toBe('<div data-monitor-figure="fig-a"></div>');
    expect(await clean('<span data-monitor-figure="fig-a">s</span>')).toBe('<span>s</span>');
    expect(await clean('<p data-monitor-figure="fig-a">p</p>')).toBe('p');
  });

  it('2. class names: only the fixed list, only on the element each belongs to', async () => {
    expect(await clean('<div class="generated respondents questionnaire table-scroll evil">d</div>')).toBe('<div class="generated respondents questionnaire table-scroll">d</div>');
    expect(await clean('<aside class="callout pullquote">a</aside>')).toBe('<aside class="callout">a</aside>');
    expect(await clean('<figure class="pullquote callout">f</figure>')).toBe('<figure class="pullquote">f</figure>');
    expect(await clean('<p class="callout-title site-header">t</p>')).toBe('<p class="callout-title">t');
    expect(await clean('<table class="data-table case-overview"><tr><td>1</td></tr></table>')).toContain('<table class="data-table" id="table-1-1">');
    // Our classes do not carry over to other elements, and page chrome classes are never allowed.
    expect(await clean('<span class="callout members-banner skip-link">s</span>')).toBe('<span>s</span>');
    expect(await clean('<div class="members-banner site-nav">d</div>')).toBe('<div class="">d</div>');
  });

  it('3. aside, figure, figcaption, section, caption and abbr[title] are kept, without other attributes', async () => {
    expect(await clean('<aside onclick="x()" style="color:red">a</aside>')).toBe('<aside>a</aside>');
    expect(await clean('<figure><figcaption lang="fr">c</figcaption></figure>')).toBe('<figure><figcaption lang="fr">c</figcaption></figure>');
    expect(await clean('<section>s</section>')).toBe('<section>s</section>');
    expect(await clean('<abbr title="General Data Protection Regulation" class="x" onmouseover="y()">GDPR</abbr>')).toBe('<abbr title="General Data Protection Regulation">GDPR</abbr>');
    // The table's own caption is kept (one caption, with the table number put in front of it).
    expect(await clean('<table><caption class="x">Cap</caption><tr><td>1</td></tr></table>')).toContain('<caption><strong>Table 1.1</strong> Cap</caption>');
    // Elements outside the list are unwrapped: their text stays, the element goes.
    expect(await clean('<dialog open>d</dialog> <marquee>m</marquee>')).toBe('d m');
  });

  it('4. the endnotes heading class (and GitHub’s sr-only) on h2 only', async () => {
    expect(await clean('<h2 class="endnotes-title sr-only other">Notes</h2>')).toBe('<h2 class="endnotes-title sr-only">Notes</h2>');
    expect(await clean('<h3 class="endnotes-title sr-only">Notes</h3>')).toBe('<h3>Notes</h3>');
  });

  it('5. section[aria-label] and the members-only class, for members sections', async () => {
    expect(await clean('<section class="members-only other" aria-label="Members only" aria-hidden="true">m</section>')).toBe('<section class="members-only" aria-label="Members only">m</section>');
    // GFM footnotes keep their own class and data attribute.
    expect(await clean('<section class="footnotes" data-footnotes>n</section>')).toBe('<section class="footnotes" data-footnotes="">n</section>');
    expect(await clean('<div class="members-only" aria-label="x">d</div>')).toBe('<div class="">d</div>');
  });

  it('6. images from the edition only: relative src kept; schemes and protocol-relative URLs removed', async () => {
    expect(await clean('<img src="images/map.png" alt="a">')).toBe('<img src="images/map.png" alt="a">');
    expect(await clean('<img src="/map.png" alt="a">')).toBe('<img src="/map.png" alt="a">');
    for (const src of ['https://t.example/p.gif', 'http://t.example/p.gif', 'HTTPS://t.example/p.gif', 'data:image/png;base64,AAAA', 'file:///etc/passwd', '//t.example/p.gif', ' //t.example/p.gif', '\\\\t.example/p.gif', '/\\t.example/p.gif', '/\t/t.example/p.gif', 'javascript:alert(1)']) {
      expect(await clean(`<img src="${src}" alt="a">`), src).toBe('<img alt="a">');
    }
    expect(await clean('![a](https://t.example/p.gif) ![b](//t.example/p.gif) ![c](local.png)')).toBe('<img alt="a"> <img alt="b"> <img src="local.png" alt="c">');
    // Links to third parties are fine: nothing is fetched.
    expect(await clean('<a href="https://example.org/">x</a>')).toBe('<a href="https://example.org/">x</a>');
  });

  it('7. ids, names and aria references are prefixed before sanitizing; the pipeline’s own heading ids are kept', async () => {
    expect(sanitizeSchema.clobber).toEqual([]);
    expect(await clean('<div id="location">a</div><a name="getElementById">b</a><span id="__proto__">c</span>')).toBe(
      '<div id="user-content-location">a</div><a name="user-content-getElementById">b</a><span id="user-content-__proto__">c</span>',
    );
    expect(await clean('<a aria-describedby="main top" aria-labelledby="x">x</a>')).toBe('<a aria-describedby="user-content-main user-content-top" aria-labelledby="user-content-x">x</a>');
    // Known limit: a raw heading may reuse an id of this chapter's own headings (an anchor, not a DOM global).
    expect(await clean('<h2 id="intro">raw</h2><h3 id="site-nav">raw</h3>', ['intro'])).toBe('<h2 id="intro">raw</h2><h3 id="user-content-site-nav">raw</h3>');
    expect(await clean('<li id="site-nav">l</li><li id="fn-1">f</li>')).toBe('<li id="user-content-site-nav">l</li><li id="fn-1">f</li>');
  });

  it('8. restrictions: no focus or form attributes, no picture/source, no content from style, template or iframe', async () => {
    expect(await clean('<span accesskey="k" tabindex="1" title="t">x</span>')).toBe('<span>x</span>');
    expect(await clean('[l](https://example.org/ "lt") ![i](i.png "it") <abbr title="at">A</abbr>')).toBe('<a href="https://example.org/" title="lt">l</a> <img src="i.png" alt="i" title="it"> <abbr title="at">A</abbr>');
    expect(await clean('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')).toBe('');
    expect(await clean('<div action="/x" method="post" enctype="a" accept-charset="b" accept="c">d</div>')).toBe('<div>d</div>');
    expect(await clean('<picture><source srcset="https://t.example/a.png"><img src="a.png" alt="a"></picture>')).toBe('<img src="a.png" alt="a">');
    const blocks = ['<style>body{background:url(https://t.example/a.png)}</style>', '<template>\n<p>t</p>\n</template>', '<textarea>ta</textarea>', '<iframe src="https://t.example/">f</iframe>', '<title>t</title>'];
    expect(await clean(`x\n\n${blocks.join('\n\n')}\n\ny`)).toMatch(/^x\s+y$/);
    // noscript and object are unwrapped: their fallback content is ordinary, sanitized HTML.
    expect(await clean('<noscript>\n<p>n <b onclick="x()">b</b></p>\n</noscript>\n\n<object data="https://t.example/x"><em>o</em></object>')).toMatch(/^n <b>b<\/b>\s+<em>o<\/em>$/);
    // GFM task-list checkboxes stay, disabled, and nothing else of forms.
    expect(await clean('- [x] done')).toContain('<input type="checkbox" checked disabled>');
    // Any other input becomes an inert, disabled checkbox (GitHub's rule); form, action and button go.
    expect(await clean('<form action="https://t.example/"><input type="text" name="q" formaction="javascript:x()"><button>b</button></form>')).toBe('<input name="user-content-q" disabled type="checkbox">b');
  });
});
