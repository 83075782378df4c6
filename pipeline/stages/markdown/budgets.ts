import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';

/**
 * Per-chapter budgets. A chapter beyond them is not a report anyone reads on paper, and would
 * reach the printer only to make Chromium crash or hang with a misleading message; it is refused
 * here, at the line that crosses the limit. The limits are far above real reports: the longest
 * annex tables run to a few hundred rows, the most annotated essays to a few hundred notes.
 * (Images have a size limit too: MAX_IMAGE_BYTES in images.ts.)
 */
export const MAX_FOOTNOTES = 2_000;
export const MAX_TABLE_ROWS = 5_000;

export function checkBudgets(tree: Root, file: VFile): void {
  let definitions = 0;
  let references = 0;
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') {
      definitions += 1;
      if (definitions === MAX_FOOTNOTES + 1) {
        report(file, 'footnotes-too-many', `More than ${MAX_FOOTNOTES} footnotes in one chapter`, node.position?.start);
      }
    } else if (node.type === 'footnoteReference') {
      references += 1;
      if (references === MAX_FOOTNOTES + 1) {
        report(file, 'footnotes-too-many', `More than ${MAX_FOOTNOTES} footnote references in one chapter`, node.position?.start);
      }
    } else if (node.type === 'table') {
      const row = node.children[MAX_TABLE_ROWS]; // the header row is row 0
      if (row) {
        report(file, 'table-too-long', `The table has ${node.children.length - 1} rows; the limit is ${MAX_TABLE_ROWS}`, row.position?.start);
      }
    }
  });
}
