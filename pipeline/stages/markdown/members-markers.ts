import type { Code, Html, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';

/** A directive name an editor meant as the members marker: `member`, `Members`, `members-only`… */
export const MEMBERISH = /member/i;

/** A line that starts like a directive fence and mentions members: `::: members`, `:: member`… */
const FENCE_MEMBER = /^[ \t]*:{2,}[^\n]*member/i;
/** A `:::members` that ended up inside a line. */
const INLINE_FENCE = /:{3,}[ \t]*[{.]?[ \t]*members?\b/i;
/** An attribute block meant for a directive, left as text: `{audience=members}`. */
const LOOSE_AUDIENCE = /\{[^}\n]*\baudience\b/i;
/** A closing fence on its own line, which closes nothing: its opening fence was not recognised. */
const BARE_FENCE = /^[ \t]*:{3,}[ \t]*$/;

/**
 * Members markers must never fail open. A `:::members` fence the parser did not honour leaves its
 * passage in the text of the public edition; so every trace of one is an error, in both profiles:
 * - a directive whose name looks like `members` but is not exactly the `:::members` container;
 * - a `:::members` container that is never closed (it would swallow the rest of the chapter);
 * - fence lines or `{audience=…}` blocks left as paragraph, heading or table text, or as an
 *   indented code block (a `:::` line that closes nothing is reported too);
 * - fence lines inside raw HTML, which Markdown does not read (`members-in-html`).
 * Fenced code blocks are left alone: that is how documentation shows the syntax.
 */
export function checkMembersMarkers(tree: Root, file: VFile): void {
  const text = String(file.value);
  const lines = lineStarts(text);
  // Without the line ending: CRLF files must read like LF files.
  const lineText = (n: number): string => text.slice(lines[n - 1] ?? text.length, (lines[n] ?? text.length + 1) - 1).replace(/\r$/, '');
  const at = (line: number, pattern: RegExp): Point => {
    const source = lineText(line);
    const m = pattern.exec(source) ?? /\S/.exec(source);
    return { line, column: (m?.index ?? 0) + 1 };
  };

  walk(tree);

  function walk(parent: Parent): void {
    for (const node of parent.children as RootContent[]) {
      switch (node.type) {
        case 'containerDirective':
        case 'leafDirective':
        case 'textDirective':
          directive(node);
          break;
        case 'html':
          html(node);
          break;
        case 'code':
          code(node);
          break;
        case 'paragraph':
        case 'heading':
        case 'tableCell':
          prose(node);
          break;
        default:
          break;
      }
      if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') walk(node as Parent);
      else if ('children' in node) walkDirectivesOnly(node as Parent);
    }
  }

  /** Inside prose only text directives (`:members`) can hide. */
  function walkDirectivesOnly(parent: Parent): void {
    for (const node of parent.children as RootContent[]) {
      if (node.type === 'textDirective') directive(node);
      if ('children' in node) walkDirectivesOnly(node as Parent);
    }
  }

  function directive(node: RootContent & { name: string }): void {
    const exact = node.type === 'containerDirective' && node.name === 'members';
    if (!exact && MEMBERISH.test(node.name)) {
      const written = `${node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':'}${node.name}`;
      report(file, 'members-marker', `\`${written}\` is not the members marker: write \`:::members\` on its own line, and \`:::\` to close it`, node.position);
      return;
    }
    if (exact && !closed(node as ContainerDirective)) {
      report(file, 'members-marker', 'This `:::members` passage is never closed: add a line `:::` where it ends', node.position?.start);
    }
  }

  /** The container's last line is a fence of its own (not a child's, and not the chapter's end). */
  function closed(node: ContainerDirective): boolean {
    const end = node.position?.end.line;
    if (end === undefined) return true;
    const last = node.children[node.children.length - 1];
    if (last?.position && last.position.end.line >= end) return false;
    if (node.position?.start.line === end) return false;
    return /^[ \t>]*:{3,}[ \t]*$/.test(lineText(end).replace(/^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/, ''));
  }

  function html(node: Html): void {
    const start = node.position?.start.line;
    if (start === undefined) return;
    node.value.split(/\r?\n/).forEach((line, i) => {
      if (FENCE_MEMBER.test(line) || INLINE_FENCE.test(line) || LOOSE_AUDIENCE.test(line) || BARE_FENCE.test(line)) {
        report(file, 'members-in-html', 'A `:::` fence or `{audience=…}` inside raw HTML is not read as Markdown, so the passage would be published: leave a blank line between the HTML and the fence', at(start + i, /:|\{/));
      }
    });
  }

  function code(node: Code): void {
    const start = node.position?.start;
    if (!start || start.offset === undefined) return;
    if (/^[ \t>]*(?:```|~~~)/.test(lineText(start.line))) return; // fenced: shown as code on purpose
    node.value.split(/\r?\n/).forEach((line, i) => {
      if (FENCE_MEMBER.test(line)) {
        report(file, 'members-marker', 'This members fence is indented four spaces, so it became a code block: start it at the beginning of the line', at(start.line + i, /:/));
      }
    });
  }

  function prose(node: Parent): void {
    const start = node.position?.start.line;
    if (start === undefined) return;
    plainText(node)
      .split(/\r?\n/)
      .forEach((line, i) => {
        const place = (pattern: RegExp) => at(start + i, pattern);
        if (FENCE_MEMBER.test(line) || INLINE_FENCE.test(line)) {
          report(file, 'members-marker', 'This line looks like a members fence but was not read as one, so the passage would be published: write `:::members` alone on its line, with no space after `:::`', place(/:/));
        } else if (LOOSE_AUDIENCE.test(line)) {
          report(file, 'members-marker', '`{audience=…}` only works right after a directive, e.g. `::chart[…]{audience=members}`; here it is text', place(/\{/));
        } else if (BARE_FENCE.test(line)) {
          report(file, 'directive-fence', 'A `:::` line that closes nothing: the line that should open this passage (e.g. `:::members`) was not recognised', place(/:/));
        }
      });
  }
}

/** The text an editor sees in a block, line by line: text nodes only (not inline code), breaks kept. */
function plainText(node: Parent): string {
  let out = '';
  const visit = (n: RootContent): void => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'break') out += '\n';
    else if (n.type === 'inlineCode' || n.type === 'html') out += ' '.repeat(n.value.split('\n')[0]?.length ?? 0) + '\n'.repeat(n.value.split('\n').length - 1);
    else if ('children' in n) for (const c of (n as Parent).children as RootContent[]) visit(c);
  };
  for (const c of node.children as RootContent[]) visit(c);
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
