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
  | "text"; // anything else

/** A level in some classification system. */
export type LevelRef = {
  /** Human label, e.g. "Schaal 6", "Niveau C1", "Functieklasse 15/16", "Niveau 1 (schaal 12)". */
  label: string;
  /** Numeric salary scale when the system has one (Rijk, UFO). */
  scale?: number;
  /** A grade/niveau code: "C1", "1". */
  niveau?: string;
  /** Vlaamse overheid functieklasse, e.g. "14", "15/16". */
  klasse?: string;
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
  source: string;
  /** Section path of the competency block (without the list name). */
  path: string[];
};

export type LevelFact = LevelRef & {
  source: string;
  system: string;
  /** Typering code, e.g. "322333222  22  22 (32)". */
  code?: string;
  /** Aspect name → items, e.g. "Resultaten" → [...], "Contacten" → [...]. */
  aspects: Record<string, string[]>;
  path: string[];
};

export type DocumentMeta = {
  source: string;
  title: string;
  titleInferred: boolean;
  system: string;
  organisation?: string;
  tags: string[];
  /** The job's own levels (from the document), e.g. ["Niveau C1"] or ["Schaal 5", …]. */
  jobLevels: LevelRef[];
  purpose?: string;
  format: string;
  contentHash: string;
};

export type ParsedDocument = {
  meta: DocumentMeta;
  sections: Section[];
  competencies: CompetencyFact[];
  levels: LevelFact[];
};
