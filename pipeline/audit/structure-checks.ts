import { walk, type StructNode, type StructTree } from './structure.js';
import type { AuditFailure } from './types.js';

const numberedHeading = /^H([1-6])$/;

/** Checks on the structure tree: figures' alternative text, heading levels, table headers. */
export function structureChecks(tree: StructTree): AuditFailure[] {
  const failures: AuditFailure[] = [];
  let previousLevel: number | undefined;
  let sawPlainH = false;
  let sawNumbered = false;
  for (const node of walk(tree.roots)) {
    const fail = (message: string, checkpoint: string) => failures.push({ page: node.page, message, checkpoint });
    if (node.type === 'Figure' && blank(node.alt) && blank(node.actualText)) {
      fail('a Figure has no alternative text (/Alt)', '13-004');
    }
    const heading = numberedHeading.exec(node.type);
    if (heading) {
      sawNumbered = true;
      const level = Number(heading[1]);
      if (previousLevel === undefined && level !== 1) fail(`the first heading is H${level}, not H1`, '14-002');
      else if (previousLevel !== undefined && level > previousLevel + 1) {
        fail(`heading level skipped: H${level} follows H${previousLevel}`, '14-003');
      }
      previousLevel = level;
    }
    if (node.type === 'H') sawPlainH = true;
    if (node.type === 'Table' && !hasDescendant(node, 'TH')) fail('a Table has no header cells (TH)', '15-002');
  }
  if (sawPlainH && sawNumbered) failures.push({ page: undefined, message: 'the document uses both H and H1–H6 headings', checkpoint: '14-007' });
  return failures;
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function hasDescendant(node: StructNode, type: string): boolean {
  for (const n of walk(node.children)) if (n.type === type) return true;
  return false;
}
