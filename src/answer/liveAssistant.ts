import type { Answer } from "../domain/answer.js";
import type {
  AskOptions,
  Assistant,
  AssistantStatus,
  InterviewKitRequest,
  InterviewKitResult,
  Inventory,
  ReindexSummary,
  SectionText,
} from "../domain/assistant.js";
import type { Language } from "../domain/answer.js";
import type { Audience } from "../domain/audience.js";

/**
 * The Assistant the doors hold while the index underneath may change: a new
 * index version is opened in the background and swapped in with one
 * assignment. A question already being answered keeps the assistant (and so
 * the index) it started with; the next question gets the new one.
 */
export class LiveAssistant implements Assistant {
  constructor(
    private current: Assistant,
    /** Called after an HTTP reindex in this process, so the watcher does not open the same version again. */
    private readonly afterReindex: () => Promise<void> = async () => {},
  ) {}

  /** Swaps in an assistant over a newer index. */
  replace(next: Assistant): void {
    this.current = next;
  }

  ask(question: string, options?: AskOptions): Promise<Answer> {
    return this.current.ask(question, options);
  }

  status(): AssistantStatus {
    return this.current.status();
  }

  inventory(audience?: Audience): Inventory {
    return this.current.inventory(audience);
  }

  examples(language: Language, audience?: Audience): string[] {
    return this.current.examples(language, audience);
  }

  section(source: string, section: string, audience?: Audience): SectionText | undefined {
    return this.current.section(source, section, audience);
  }

  interviewKit(request: InterviewKitRequest): Promise<InterviewKitResult> {
    return this.current.interviewKit ? this.current.interviewKit(request) : Promise.reject(new Error("this assistant makes no interview kits"));
  }

  async reindex(): Promise<ReindexSummary> {
    const summary = await this.current.reindex();
    await this.afterReindex();
    return summary;
  }
}
