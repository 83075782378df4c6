import { VFile } from 'vfile';
import { toHtml } from 'hast-util-to-html';
import { parseMarkdown } from '/work/main/pipeline/stages/markdown/parse.ts';
import { toSafeHast } from '/work/main/pipeline/stages/markdown/to-hast.ts';
import { labelsFor } from '/work/main/pipeline/stages/markdown/labels.ts';
async function clean(md: string) {
  const p = parseMarkdown(new VFile({ path: 'x.md', value: md }))!;
  const { hast } = await toSafeHast(p.tree, labelsFor('en'), new Set(['intro']), 1);
  return toHtml(hast);
}
for (const md of [
 '<section class="members-only footnotes other" aria-label="M" data-footnotes>x</section>',
 '<picture><source srcset="https://e/x.png"><img src="a.png" alt="a"></picture>',
 '<img src="//evil/x.png"> <img src=" \\\\evil/x"> <img src="/\t/evil"> <img src="/ok.png"> <img src="ok.png">',
 '<template><p>PWN</p></template> <style>x</style> <noscript>PWN</noscript> <textarea>PWN</textarea>',
 '<div data-monitor-figure="f" class="generated respondents questionnaire table-scroll evil" data-other="1">x</div>',
 '<h2 class="sr-only endnotes-title evil" id="intro">x</h2><h2 id="intro2">y</h2>',
 '<abbr title="T" class="x">A</abbr> <caption>c</caption> <figcaption>f</figcaption>',
 '<p accesskey="x" tabindex="1">x</p><form action="/x" method="post"><input type="checkbox" accept="x" name="n"></form>',
]) console.log(md, '\n  =>', await clean(md));
