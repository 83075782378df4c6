import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumWith } from '../../bench/peers.js';

let dir: string;
let fake: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'monitor-bench-peers-'));
  // A stand-in browser that prints the arguments it was given, one per line.
  fake = path.join(dir, "fake chromium's");
  await writeFile(fake, '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', { mode: 0o755 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the browser given to pagedjs-cli', () => {
  it('is the browser itself when no flag holds a comma', () => {
    expect(chromiumWith(fake, ['--disable-gpu', '--mute-audio'], dir)).toBe(fake);
  });

  it('adds the flags with commas last, merged with the launcher’s own', () => {
    const wrapper = chromiumWith(fake, ['--disable-gpu', '--disable-features=A,B'], dir);
    expect(wrapper).not.toBe(fake);
    const given = execFileSync(wrapper, ['--headless=new', '--disable-features=Translate,MediaRouter', 'about:blank'], { encoding: 'utf8' }).trim().split('\n');
    expect(given).toEqual(['--headless=new', '--disable-features=Translate,MediaRouter', 'about:blank', '--disable-features=Translate,MediaRouter,A,B']);
  });

  it('adds them unmerged when the launcher gives none', () => {
    const wrapper = chromiumWith(fake, ['--disable-features=A,B'], dir);
    expect(execFileSync(wrapper, ['x'], { encoding: 'utf8' }).trim().split('\n')).toEqual(['x', '--disable-features=A,B']);
  });
});
