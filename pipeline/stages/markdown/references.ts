import type { Definition, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Reference-style links and images (`[text][id]`, `[id]`, `[id][]`, `![alt][id]` with
 * `[id]: url`) become ordinary inline links and images at the reference's position, so they go
 * through exactly the same resolution as `[text](url)`: members-only targets, missing chapters
 * and anchors, broken escapes. Returns the definitions, which are checked on their own line too.
 */
export function inlineReferences(tree: Root): Definition[] {
  const definitions = new Map<string, Definition>();
  const all: Definition[] = [];
  visit(tree, 'definition', (node: Definition) => {
    all.push(node);
    // CommonMark: the first definition of a label wins.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  if (all.length === 0) return all;
  visit(tree, (node, index, parent) => {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined;
    const ref = node as LinkReference | ImageReference;
    const definition = definitions.get(ref.identifier);
    if (!definition || !parent || index === undefined) return undefined;
    const base = { url: definition.url, title: definition.title ?? null, position: ref.position };
    const replacement: Link | Image =
      ref.type === 'linkReference' ? { type: 'link', ...base, children: ref.children } : { type: 'image', ...base, alt: ref.alt ?? '' };
    parent.children.splice(index, 1, replacement as never);
    return index; // visit the new link's children (and the link itself is resolved later)
  });
  return all;
}
