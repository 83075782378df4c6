/** One file of an edition's output, as an emitter returns it: the sequence decides where it goes. */
export interface OutputFile {
  /** Path inside the format's folder (e.g. html/), forward slashes. */
  readonly path: string;
  readonly contents: string | Uint8Array;
  /**
   * A name for the contents that the emitter has without reading them: the key of the memo they
   * were made under (same key, same bytes). The output folder compares it with the last build's
   * to link an unchanged file without hashing it.
   */
  readonly identity?: string | undefined;
}
