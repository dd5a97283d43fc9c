import type { CompetencyFact, LabelledFact, LevelFact, LevelRef, Section, SectionKind } from "../../domain/document.js";
import { squash } from "../../text/normalize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";

/** Collects what a layout parser finds; ids and clean-up live here, once. */
export class DocumentBuilder {
  readonly sections: Section[] = [];
  readonly competencies: CompetencyFact[] = [];
  readonly levels: LevelFact[] = [];
  readonly jobLevels: LevelRef[] = [];
  readonly facts: LabelledFact[] = [];
  tables = 0;
  purpose?: string;
  title?: string;

  constructor(
    readonly source: string,
    /** Registry id of the document's classification system. */
    readonly system: string,
    readonly vocabulary: Vocabulary,
    /** Competency names other documents of the corpus use: they help name unnamed blocks. */
    readonly corpusNames: readonly string[] = [],
  ) {}

  section(path: string[], kind: SectionKind, text: string, extra: Partial<Pick<Section, "level" | "competency">> = {}): void {
    const body = text.replace(/\n{3,}/g, "\n\n").trim();
    if (!body) return;
    const cleanPath = path.map((part) => squash(part)).filter(Boolean);
    this.sections.push({ id: `${this.source}#${this.sections.length}`, source: this.source, path: cleanPath, kind, text: body, ...extra });
  }

  jobLevel(level: LevelRef): void {
    const complete = this.vocabulary.systems.completeLevel(level, this.system);
    if (!this.jobLevels.some((known) => known.label === complete.label)) this.jobLevels.push(complete);
  }

  competency(fact: Omit<CompetencyFact, "source">): void {
    this.competencies.push({ ...fact, source: this.source });
  }

  fact(fact: LabelledFact): void {
    if (!this.facts.some((known) => known.label === fact.label && known.value === fact.value)) this.facts.push(fact);
  }

  /** A level seen again (one table row at a time) gathers its aspects into one fact. */
  level(fact: Omit<LevelFact, "source" | "system">): void {
    const known = this.levels.find((level) => level.label === fact.label);
    if (known) Object.assign(known.aspects, fact.aspects);
    else {
      const complete = this.vocabulary.systems.completeLevel(fact, this.system);
      this.levels.push({ ...fact, ...complete, source: this.source, system: complete.system! });
    }
  }
}
