/**
 * Things a run leaves on disk or in the process table until it cleans up: the output lock, the
 * staging folder, Chromium's process group and profile folder. Each is tracked while it lives, so
 * that when a run must be stopped at once (a second Ctrl+C, or a stage that does not yield), the
 * command's supervisor can still remove them; the normal path removes them in `finally` blocks.
 */
export type Resource =
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 'lock'; readonly path: string; readonly pid: number }
  | { readonly kind: 'process-group'; readonly pid: number; /** Its profile folder, removed as soon as it is killed. */ readonly dir?: string | undefined };

export type ResourceEvent = { readonly type: 'add'; readonly id: number; readonly resource: Resource } | { readonly type: 'remove'; readonly id: number };

const live = new Map<number, Resource>();
const listeners = new Set<(event: ResourceEvent) => void>();
let serial = 0;

/** Record a live resource; call the returned function once it is gone. */
export function track(resource: Resource): () => void {
  const id = ++serial;
  live.set(id, resource);
  for (const l of listeners) l({ type: 'add', id, resource });
  return () => {
    if (!live.delete(id)) return;
    for (const l of listeners) l({ type: 'remove', id });
  };
}

/** Follow every resource, starting with those alive now. Returns an unsubscribe function. */
export function watchResources(listener: (event: ResourceEvent) => void): () => void {
  for (const [id, resource] of live) listener({ type: 'add', id, resource });
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What is alive right now (for tests). */
export function liveResources(): Resource[] {
  return [...live.values()];
}
