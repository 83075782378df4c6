import type { Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';

/**
 * Every Markdown table is numbered ("Table 3.1"); one without a `Table: …` line before it would
 * print a bare number with no title. A warning, so editors notice before the proofs do.
 */
export function checkTableTitles(tree: Root, file: VFile): void {
  visit(tree);

  function visit(parent: Parent): void {
    parent.children.forEach((node: RootContent, i) => {
      if (node.type === 'table') {
        const previous = parent.children[i - 1];
        const titled = previous?.type === 'paragraph' && /^Table:\s*\S/.test(toString(previous));
        if (!titled) report(file, 'table-title', 'This table has a number but no title', node.position?.start);
      }
      if ('children' in node) visit(node);
    });
  }
}
