import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import type { Labels } from './context.js';
import type { TableInfo } from '../../model/edition.js';
import { protectIds } from './protect-ids.js';
import { numberTables } from './tables.js';
import { sanitizeSchema } from './sanitize-schema.js';

type HastProcessor = Processor<MdastRoot, MdastRoot, HastRoot>;

const processors = new Map<string, HastProcessor>();

/**
 * mdast → sanitized hast. Raw HTML is parsed, ids are protected, and rehype-sanitize is the last
 * transform: nothing touches the tree after it except read-only walks and the emitters' own chrome.
 */
export async function toSafeHast(
  tree: MdastRoot,
  labels: Labels,
  headingIds: ReadonlySet<string>,
  chapterNumber: number | string,
): Promise<{ hast: HastRoot; tables: TableInfo[] }> {
  const processor = processorFor(labels);
  const hast = await processor.run(tree);
  // protectIds needs the heading ids of this chapter; it runs between raw parsing and sanitizing.
  protectIds(hast, headingIds);
  const tables = numberTables(hast, chapterNumber, labels.table);
  return { hast: (await sanitizer.run(hast)) as HastRoot, tables };
}

const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).freeze();

function processorFor(labels: Labels): HastProcessor {
  const key = JSON.stringify(labels);
  let processor = processors.get(key);
  if (!processor) {
    processor = unified()
      .use(remarkRehype, {
        allowDangerousHtml: true,
        clobberPrefix: '',
        footnoteLabel: labels.notes,
        footnoteLabelTagName: 'h2',
        footnoteLabelProperties: { className: ['endnotes-title'] },
        footnoteBackLabel: (ref: number) => `${labels.backToText} ${ref + 1}`,
      })
      .use(rehypeRaw)
      .freeze() as unknown as HastProcessor;
    processors.set(key, processor);
  }
  return processor;
}
