/** A stage starting, as the pure core announces it; the edge adds the clock. */
export interface ProgressEvent {
  /** e.g. "chapters", "charts", "html". */
  readonly stage: string;
  /** How many items the stage works on, when known. */
  readonly count?: number;
}

export type ProgressSink = (event: ProgressEvent) => void;
