/** One file of an edition's output, as an emitter returns it: the sequence decides where it goes. */
export interface OutputFile {
  /** Path inside the format's folder (e.g. html/), forward slashes. */
  readonly path: string;
  readonly contents: string | Uint8Array;
}
