import type { Feedback, FeedbackStore } from "../../src/feedback/feedbackLog.js";

/** Keeps votes in memory so tests can assert what a door recorded. */
export class MemoryFeedback implements FeedbackStore {
  readonly votes: Feedback[] = [];
  async record(feedback: Feedback): Promise<void> {
    this.votes.push(feedback);
  }
}
