import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import { toHtml } from 'hast-util-to-html';
const p = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
for (const md of ['a\n\n<style>\nb{}\n\nc *d*\n\n## e', 'a <style>b</style> c\n\n## d', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>\n\nafter\n\n## h']) {
const t = await p.run(p.parse(md));
console.log(JSON.stringify(toHtml(t as any)));
}
