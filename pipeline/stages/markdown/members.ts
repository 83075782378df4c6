import type { Root, Parent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';
import type { Audience } from '../../model/figure.js';
import { MEMBERISH } from './members-markers.js';

const AUDIENCES: readonly string[] = ['public', 'members'] satisfies readonly Audience[];

/**
 * Remove members-only passages (`:::members` and any directive with `audience=members`) from the
 * tree of a public build, before anything else reads it: nothing inside can reach numbering,
 * the TOC, excerpts or figures. In a members build they become labelled sections.
 * An `audience=` value other than public or members is an error, and the passage is treated as
 * members-only meanwhile: a typo must never publish it.
 */
export function applyAudience(tree: Root, profile: Audience, membersLabel: string, file?: VFile): void {
  walk(tree);

  function walk(parent: Parent): void {
    const kept: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      const audience = audienceOf(child);
      if (audience !== undefined && !AUDIENCES.includes(audience)) {
        if (file) report(file, 'directive-attribute', `Unknown audience \`${audience}\`: use audience=public or audience=members`, child.position);
        if (profile === 'public') continue;
      }
      if (isNearMiss(child)) continue; // reported by checkMembersMarkers; never shown in either edition
      if (isMembersOnly(child)) {
        if (profile === 'public') continue;
        if (child.type === 'containerDirective' && child.name === 'members') {
          markSection(child, membersLabel);
        }
      }
      if ('children' in child) walk(child as Parent);
      kept.push(child);
    }
    (parent as { children: RootContent[] }).children = kept;
  }
}

function isDirective(node: RootContent): boolean {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/** The directive's `audience` attribute as written (`{audience}` alone gives ""), if any. */
function audienceOf(node: RootContent): string | undefined {
  if (!isDirective(node)) return undefined;
  const value = (node as ContainerDirective).attributes?.['audience'];
  return value === undefined || value === null ? undefined : value;
}

function isMembersOnly(node: RootContent): boolean {
  if (!isDirective(node)) return false;
  return (node as ContainerDirective).name === 'members' || audienceOf(node) === 'members';
}

/** `:::member`, `::members`, `:Members`…: meant as the members marker, and an error. */
function isNearMiss(node: RootContent): boolean {
  if (!isDirective(node)) return false;
  const d = node as ContainerDirective;
  return MEMBERISH.test(d.name) && !(node.type === 'containerDirective' && d.name === 'members');
}

function markSection(node: ContainerDirective, label: string): void {
  node.data = {
    ...node.data,
    hName: 'section',
    hProperties: { className: ['members-only'], ariaLabel: label },
  };
}
