/** A file read from an edition root. Paths are relative to the root, with forward slashes. */
export interface SourceFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}
