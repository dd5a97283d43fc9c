import type { Assistant, ReindexSummary } from "../domain/assistant.js";

export type ReindexState = {
  running: boolean;
  startedAt?: string;
  finishedAt?: string;
  /** How long the previous successful run took: the page estimates progress from it. */
  previousSeconds?: number;
  summary?: ReindexSummary;
  error?: string;
};

/** One reindex at a time, shared by POST /api/reindex and the insights page. */
export class ReindexJob {
  private current: Promise<ReindexSummary> | undefined;
  private state: ReindexState = { running: false };

  snapshot(): ReindexState {
    return { ...this.state };
  }

  /** Starts a reindex; undefined when one is already running. */
  start(assistant: Assistant): Promise<ReindexSummary> | undefined {
    if (this.current) return undefined;
    const started = Date.now();
    this.state = { running: true, startedAt: new Date(started).toISOString(), previousSeconds: this.state.summary?.seconds ?? this.state.previousSeconds };
    const job = assistant.reindex();
    this.current = job;
    job
      .then(
        (summary) => {
          this.state = { running: false, startedAt: this.state.startedAt, finishedAt: new Date().toISOString(), previousSeconds: summary.seconds, summary };
        },
        (error: unknown) => {
          this.state = { ...this.state, running: false, finishedAt: new Date().toISOString(), error: (error as Error).message };
        },
      )
      .finally(() => {
        this.current = undefined;
      });
    return job;
  }
}
