import type { CompetencyFact, LevelFact, LevelRef, Section, SectionKind } from "../model.js";
import { squash } from "../../text/normalize.js";

/** Collects what a layout parser finds; ids and clean-up live here, once. */
export class DocumentBuilder {
  readonly sections: Section[] = [];
  readonly competencies: CompetencyFact[] = [];
  readonly levels: LevelFact[] = [];
  readonly jobLevels: LevelRef[] = [];
  purpose?: string;
  title?: string;

  constructor(
    readonly source: string,
    readonly system: string,
  ) {}

  section(path: string[], kind: SectionKind, text: string, extra: Partial<Pick<Section, "level" | "competency">> = {}): void {
    const body = text.replace(/\n{3,}/g, "\n\n").trim();
    if (!body) return;
    const cleanPath = path.map((part) => squash(part)).filter(Boolean);
    this.sections.push({ id: `${this.source}#${this.sections.length}`, source: this.source, path: cleanPath, kind, text: body, ...extra });
  }

  jobLevel(level: LevelRef): void {
    if (!this.jobLevels.some((known) => known.label === level.label)) this.jobLevels.push(level);
  }

  competency(fact: Omit<CompetencyFact, "source">): void {
    this.competencies.push({ ...fact, source: this.source });
  }

  /** A level seen again (one table row at a time) gathers its aspects into one fact. */
  level(fact: Omit<LevelFact, "source" | "system">): void {
    const known = this.levels.find((level) => level.label === fact.label);
    if (known) Object.assign(known.aspects, fact.aspects);
    else this.levels.push({ ...fact, source: this.source, system: this.system });
  }
}
