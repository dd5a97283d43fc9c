import type { Answer } from "../../src/domain/answer.js";
import type {
  AskOptions,
  Assistant,
  AssistantStatus,
  InterviewKitRequest,
  InterviewKitResult,
  Inventory,
  ReindexSummary,
  SectionText,
} from "../../src/domain/assistant.js";

/**
 * A scripted Assistant for door tests: doors are thin, so their tests check
 * rendering and protocol, not answers. Records every call it receives.
 */
export class FakeAssistant implements Assistant {
  readonly calls: { question: string; options?: AskOptions }[] = [];
  ready = true;

  constructor(private readonly respond: (question: string, options?: AskOptions) => Partial<Answer> = () => ({})) {}

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, options });
    return {
      question,
      answer: `**Antwoord** op: ${question}`,
      language: "nl",
      intent: "general",
      answered: true,
      mode: "offline",
      citations: [{ source: "profiel.txt", section: "Competenties › Onderhandelen", quote: "Belangen behartigen" }],
      followUps: ["Welke toetsvragen horen bij onderhandelen?", "Welke schaal past bij deze functie?"],
      latencyMs: 1,
      ...this.respond(question, options),
    };
  }

  status(): AssistantStatus {
    return { ready: this.ready, documents: 1, chunks: 3, mode: "offline" };
  }

  inventory(): Inventory {
    return {
      documents: [
        {
          source: "profiel.txt",
          title: "Profiel",
          system: "ufo",
          levels: ["Schaal 10"],
          competencies: 1,
          competencyNames: ["Samenwerken"],
          roles: [],
          careerEdges: [],
          facts: 2,
          tables: 0,
          warnings: [],
        },
      ],
      skipped: [{ file: "kapot.pdf", reason: "PDF has no text layer" }],
      builtAt: "2026-01-01T00:00:00.000Z",
    };
  }

  examples(language: "nl" | "en"): string[] {
    return language === "en"
      ? ["Which scale fits the profile?", "Give interview questions for negotiating"]
      : ["Welke schaal past bij het profiel?", "Geef toetsvragen voor onderhandelen"];
  }

  section(source: string, section: string): SectionText | undefined {
    if (source !== "profiel.txt" || section !== "Competenties › Onderhandelen") return undefined;
    return { source, title: "Profiel", system: "ufo", section, text: "Belangen behartigen van de eigen afdeling.\n\nGedragsindicatoren: …" };
  }

  readonly kitRequests: InterviewKitRequest[] = [];
  /** Door tests check the delivery of the file, not its content: these bytes stand for the .docx. */
  static readonly KIT_BYTES = Buffer.from("PK\u0003\u0004 interview kit bytes for door tests");

  async interviewKit(request: InterviewKitRequest): Promise<InterviewKitResult> {
    this.kitRequests.push(request);
    if (request.role !== "Profiel") return { ok: false, problem: "unknown-role", message: `Ik vind geen functie "${request.role}" in de documenten.` };
    return { ok: true, role: "Profiel", fileName: "interviewkit-profiel.docx", docx: FakeAssistant.KIT_BYTES, competencies: 1, questions: 2 };
  }

  async reindex(): Promise<ReindexSummary> {
    return { documents: 1, sections: 3, chunks: 3, embedded: 0, reused: 3, removed: 0, skipped: [], seconds: 0 };
  }
}
