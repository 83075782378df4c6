import type { Root, Parent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Audience } from '../../model/figure.js';

/**
 * Remove members-only passages (`:::members` and any directive with `audience=members`) from the
 * tree of a public build, before anything else reads it: nothing inside can reach numbering,
 * the TOC, excerpts or figures. In a members build they become labelled sections.
 */
export function applyAudience(tree: Root, profile: Audience, membersLabel: string): void {
  walk(tree);

  function walk(parent: Parent): void {
    const kept: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
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

function isMembersOnly(node: RootContent): boolean {
  if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return false;
  return node.name === 'members' || node.attributes?.['audience'] === 'members';
}

function markSection(node: ContainerDirective, label: string): void {
  node.data = {
    ...node.data,
    hName: 'section',
    hProperties: { className: ['members-only'], ariaLabel: label },
  };
}
