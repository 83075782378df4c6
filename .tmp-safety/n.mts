import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import { inspect } from 'node:util';
const p = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const t = await p.run(p.parse('x\n\n<noscript><p>n</p></noscript>\n\ny'));
console.log(inspect(t.children.map((c: any) => ({ type: c.type, tag: c.tagName, ch: c.children?.map((d: any) => d.tagName ?? d.value) })), { depth: 5 }));
