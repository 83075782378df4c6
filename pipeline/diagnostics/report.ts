import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import { catalogue, type RuleId } from './catalogue.js';

export type Place = Point | Position | undefined;

/**
 * Attach a problem to the file it came from. Errors are `fatal: true` (fail the build),
 * warnings `fatal: false`. The hint travels in `note` so every reporter can print it.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place: Place): void {
  const rule = catalogue[ruleId];
  const message = file.message(reason, { place, ruleId, source: 'monitor' });
  message.fatal = rule.severity === 'error' ? true : false;
  message.note = rule.hint;
  message.url = `docs/authoring.md#${ruleId}`;
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}
