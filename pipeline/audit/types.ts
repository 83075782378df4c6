/** One failed condition of the PDF audit. */
export interface AuditFailure {
  /** 1-based page, or undefined for a document-level condition (catalog, metadata). */
  readonly page: number | undefined;
  readonly message: string;
  /** Matterhorn Protocol checkpoint, e.g. "14-003"; a standard's clause where Matterhorn has none. */
  readonly checkpoint: string;
}
