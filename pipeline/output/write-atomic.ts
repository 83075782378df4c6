import { rename, rm, writeFile } from 'node:fs/promises';

let serial = 0;

/**
 * Write a file beside its place and rename it in, so a reader (another build, the preview, a
 * browser) never sees half a file and a failed write leaves the old file as it was. The temporary
 * name is unique per process and call, so concurrent writes of one target never share it.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${process.pid}-${serial++}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
