import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Disk full, simulated: writes into the staging folder fail with ENOSPC after a few files.
 * Only writes below a `.staging-` folder are affected; reading and everything else is real.
 */
const failing = vi.hoisted(() => ({ after: Number.POSITIVE_INFINITY, count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (file, data, options) => {
    if (String(file).includes(`${path.sep}.staging-`) && ++failing.count > failing.after) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return fs.writeFile(file, data, options);
  };
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

const { buildEdition, chapter, hashTree, removeAll, tempDir, writeEdition } = await import('./helpers.js');
const { readdir } = await import('node:fs/promises');

describe('disk full while writing the output', () => {
  let root: string;
  let out: string;
  let before: string;
  beforeAll(async () => {
    root = await writeEdition({ 'one.md': chapter('title: One\nkind: essay\nsummary: A chapter.', '## Part\n\nText.\n\n::chart[C]{#fig-1 question=Q05 alt="Bars."}\n') });
    out = await tempDir('enospc');
    const first = await buildEdition(root, out, 'html');
    expect(first.ok, first.problems.join('\n')).toBe(true);
    before = await hashTree(out);
  }, 60_000);
  afterAll(() => removeAll(root, out));

  it('fails with a plain "disk is full" output-write error and keeps the previous output byte for byte', async () => {
    failing.after = 3;
    failing.count = 0;
    try {
      await expect(buildEdition(root, out, 'html')).rejects.toMatchObject({
        message: expect.stringMatching(/^Cannot write the output folder .*: the disk is full$/),
        ruleId: 'output-write',
      });
    } finally {
      failing.after = Number.POSITIVE_INFINITY;
    }
    expect(failing.count).toBeGreaterThan(3);
    expect(await hashTree(out)).toBe(before);
    expect((await readdir(out)).filter((n) => n.startsWith('.') && n !== '.monitor-output')).toEqual([]);
  });

  it('builds normally once there is space again', async () => {
    const again = await buildEdition(root, out, 'html');
    expect(again.ok).toBe(true);
    expect(await hashTree(out)).toBe(before);
  });
});
