import type { CompetencyFact, LabelledFact, LevelFact, LevelRef, Role, Section, SectionKind } from "../../domain/document.js";
import { bareCode, type LevelStatement } from "../../domain/systems/levels.js";
import { fold } from "../../text/normalize.js";
import { squash } from "../../text/normalize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";

/** Section kinds of a competency block: their "Niveau 2" is a proficiency, and their prose no career step. */
export const COMPETENCY_KINDS: ReadonlySet<SectionKind> = new Set(["competency", "interview-questions", "development-tips"]);

/** Collects what a layout parser finds; ids and clean-up live here, once. */
export class DocumentBuilder {
  readonly sections: Section[] = [];
  readonly competencies: CompetencyFact[] = [];
  readonly levels: LevelFact[] = [];
  readonly jobLevels: LevelRef[] = [];
  readonly facts: LabelledFact[] = [];
  readonly roles: Role[] = [];
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

  /**
   * The levels a label/value pair states ("Inschaling: schaal 9", "Salarisschaal | 7", "Schaal | G"), each in the
   * system it belongs to: the document's own when the code fits it.
   */
  levelsIn(label: string, value: string): LevelRef[] {
    const statements = this.vocabulary.systems.levelStatements(value);
    const found = statements.length
      ? statements
      : (() => {
          const code = bareCode(value);
          const word =
            fold(label)
              .replace(/[^a-z\s-]/g, "")
              .trim()
              .split(/\s+/)
              .pop() ?? "";
          return code ? [{ word: word === "inschaling" ? "schaal" : word, code }] : [];
        })();
    return found.flatMap((statement) => this.levelOf(statement) ?? []);
  }

  /** A level statement ("schaal 8") as a level of the system it belongs to: the document's own when the code fits it. */
  levelOf(statement: LevelStatement): LevelRef | undefined {
    const systems = this.vocabulary.systems;
    const target = systems.systemFor(statement, systems.system(this.system));
    return target && systems.makeLevel(target, statement.word, statement.code);
  }

  /** Tokens like "L11" or "C1" that fit the document's own system: they name a level even without a level word. */
  ownSystemCodes(text: string): LevelStatement[] {
    const own = this.vocabulary.systems.system(this.system);
    return text
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => /^[A-Z]+\d+$/i.test(token) && own.code.test(token.toUpperCase()))
      .map((token) => ({ word: own.levelWords[0]!, code: token.toUpperCase() }));
  }

  /** A role a function list describes in one row; its levels are the job's levels too. */
  role(role: Role): void {
    if (this.roles.some((known) => fold(known.title) === fold(role.title))) return;
    this.roles.push(role);
    for (const level of role.levels) this.jobLevel(level);
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
