import type { SalaryTable } from "./salaryTable.js";

/** What the parser makes of one document: sections to retrieve, facts to answer from. */

export type SectionKind =
  | "purpose" // doel / korte omschrijving
  | "placement" // plaats in de organisatie, key-value facts
  | "result-area" // resultaatgebied / kernactiviteit
  | "competency" // a competency: description + indicators
  | "interview-questions" // toetsvragen of a competency
  | "development-tips" // ontwikkeltips of a competency
  | "level" // a level/scale typing (Schaal 6, Niveau 1 → Schaal 12, functieklasse)
  | "criteria" // classification criteria table rows
  | "knowledge" // kennis, opleiding, ervaring
  | "conditions" // arbeidsvoorwaarden, aanbod
  | "salary" // one level's row of a salary table (amounts per step)
  | "text"; // anything else

/**
 * A level in some classification system, system-neutral: `system` is a
 * registry id (src/ingest/systems), `code` the level as the system writes it,
 * `rank` its order within that system. The DocumentBuilder fills in all three.
 */
export type LevelRef = {
  /** Human label, e.g. "Schaal 6", "Niveau C1", "Functieklasse 15/16", "FWG 45". */
  label: string;
  system?: string;
  code?: string;
  rank?: number;
  /** Numeric salary scale when the system has one (Rijk, UFO). */
  scale?: number;
  /** A grade/niveau code: "C1", "1". */
  niveau?: string;
  /** Vlaamse overheid functieklasse, e.g. "14", "15/16". */
  klasse?: string;
};

/**
 * One job a document describes. Most documents describe one (their own title and levels); a function list
 * describes one per row, each with the row's level and other cells, cited to the row.
 */
export type Role = {
  title: string;
  levels: LevelRef[];
  /** The row's other cells, as the document labels them ("Functiefamilie" → "Wonen"). */
  facts: { label: string; value: string }[];
  /** Where the document states it: the table row (or heading) path, for the citation. */
  path: string[];
};

/** A career step a document states: between levels of one role, or to another role, with the sentence that says so. */
export type CareerEdge = {
  /** A level label ("Schaal 10") or a role's title. */
  from: string;
  to: string;
  /** The role the step leads to, when the sentence names one ("naar Operationeel Expert, functieschaal 9"). */
  toRole?: string;
  quote: string;
  /** The section the sentence stands in, for the citation. */
  path: string[];
};

export type Section = {
  /** Stable within a document: `${source}#${index}`. */
  id: string;
  source: string;
  /** Heading path, outermost first; the citation's section is this joined by " › ". */
  path: string[];
  kind: SectionKind;
  text: string;
  level?: LevelRef;
  competency?: string;
  /** The role this section is about, when the document describes several (a function list's paragraph per row). */
  role?: string;
};

export type CompetencyFact = {
  name: string;
  /** True when the document gives only a description and the name was inferred. */
  nameInferred: boolean;
  description: string;
  /** Proficiency level of the competency in this profile ("Niveau: 2"), not the job level. */
  proficiency?: string;
  indicators: string[];
  questions: string[];
  tips: string[];
  /** Per-level descriptions, e.g. "1 = Ziet de essentie van het probleem". */
  levelDescriptions: string[];
  /** Expected proficiency per job level, from a competency × class table: { level: "Functieklasse 15/16", value: "2" }. */
  levelsByJobLevel?: { level: string; value: string }[];
  source: string;
  /** Section path of the competency block (without the list name). */
  path: string[];
};

export type LevelFact = LevelRef & {
  source: string;
  /** Registry id of the level's classification system. */
  system: string;
  /** Typering code, e.g. "322333222  22  22 (32)". */
  code?: string;
  /** Aspect name → items, e.g. "Resultaten" → [...], "Contacten" → [...]. */
  aspects: Record<string, string[]>;
  path: string[];
};

/** A label/value fact the document states ("Afdeling: Publiekszaken"), with where it stands. */
export type LabelledFact = {
  /** Vocabulary field id ("department", "hours"), or undefined for a label we have no field for. */
  field?: string;
  label: string;
  value: string;
  path: string[];
};

export type DocumentMeta = {
  source: string;
  title: string;
  titleInferred: boolean;
  /** Where the title came from. */
  titleFrom?: "front-matter" | "document-property" | "label" | "heading" | "file-name";
  /** Registry id of the classification system (src/ingest/systems). */
  system: string;
  /** Its display name. */
  systemName?: string;
  organisation?: string;
  tags: string[];
  /** The job's own levels (from the document), e.g. ["Niveau C1"] or ["Schaal 5", …]. */
  jobLevels: LevelRef[];
  purpose?: string;
  format: string;
  contentHash: string;
  /** Label/value facts (department, hours, education, evaluators, …). */
  facts?: LabelledFact[];
  /** How many tables the document had. */
  tables?: number;
  /** Career steps the document states in its prose. */
  careerEdges?: CareerEdge[];
  /** The roles a function list describes, one per row (absent when the document describes one job: itself). */
  roles?: Role[];
  /** "salary-table": the document is a salary table, not a job description (it names no role). */
  kind?: "salary-table";
  /** The salary tables the document holds (scale × step → amount), tied to their classification system. */
  salaryTables?: SalaryTable[];
  /** What the parser could not find, for the ingest report ("no level found"). */
  warnings?: string[];
};

export type ParsedDocument = {
  meta: DocumentMeta;
  sections: Section[];
  competencies: CompetencyFact[];
  levels: LevelFact[];
};
