import { z } from "zod";
import { SystemEntrySchema } from "../domain/systems/system.js";
import { SalaryWordsSchema } from "./salarySchema.js";

/** Folded words or phrases: YAML lists of strings, trimmed, empty entries dropped. */
const phrases = z.array(z.string().trim().min(1)).default([]);
const bilingual = { nl: z.string().min(1), en: z.string().min(1) };

export const CompetencyEntrySchema = z.object({
  name: z.string().trim().min(1),
  aliases: phrases,
  cues: phrases,
});

export const SectionKindEntrySchema = z.object({ headings: phrases, asks: phrases });

export const FieldSchema = z.object({ id: z.string().min(1), labels: phrases, ...bilingual });

export const OutOfScopeSchema = z.object({
  id: z.string().min(1),
  words: phrases,
  /** Words that show a document does cover the topic after all (then it is answered). */
  evidence: phrases,
  ...bilingual,
});

const numberTable = z.record(z.string(), z.number().int().min(0).max(1_000_000_000)).default({});
export const NumberWordsSchema = z
  .object({
    words: numberTable,
    multipliers: numberTable,
    articles: phrases,
    joiners: phrases,
    ordinals: numberTable,
    ordinalEndings: z.record(z.string(), z.string()).default({}),
    digitOrdinalEndings: phrases,
  })
  .prefault({});

export const LanguagePackSchema = z.object({
  version: z.literal(1),
  languages: z.object({ en: phrases, nl: phrases }),
  questionWords: z.string().default(""),
  followUpOpeners: phrases,
  more: phrases,
  why: phrases,
  help: phrases,
  greetings: phrases,
  reset: phrases,
  references: phrases,
  sourcePointers: phrases,
  assistantAddress: z.object({ roleLabels: phrases, phrases }).prefault({}),
  numbers: NumberWordsSchema,
});

export const HrPackSchema = z.object({
  version: z.literal(1),
  competencies: z.array(CompetencyEntrySchema).default([]),
  synonyms: z.array(phrases).default([]),
  sectionKinds: z.record(z.string(), SectionKindEntrySchema).default({}),
  /** Words that state a career step in a document's prose ("doorgroei naar", "next step"). */
  careerCues: phrases,
  listKinds: z.object({ indicators: phrases, questions: phrases, tips: phrases, description: phrases, levels: phrases }),
  fields: z.array(FieldSchema).default([]),
  outOfScope: z.array(OutOfScopeSchema).default([]),
  intentWords: z.object({
    catalogue: phrases,
    compare: phrases,
    lookup: phrases,
    workDescription: phrases,
    choosesLevel: phrases,
    workSubject: phrases,
    workRelative: phrases,
    listsLevels: phrases,
    catalogueRoles: phrases,
    interview: phrases,
    development: phrases,
    career: phrases,
    scale: phrases,
    competency: phrases,
    salary: phrases,
  }),
  salaryTables: SalaryWordsSchema,
});

/** An organisation's own words: `knowledge/glossary.yaml`. Every part is optional. */
export const GlossarySchema = z
  .object({
    synonyms: z.array(phrases).default([]),
    roles: z.array(z.object({ name: z.string().trim().min(1), aliases: phrases })).default([]),
    competencies: z.array(CompetencyEntrySchema).default([]),
    outOfScope: z.array(OutOfScopeSchema).default([]),
    /** The organisation's own classification systems, in the shape of vocabulary/systems.yaml. */
    systems: z.array(SystemEntrySchema).default([]),
  })
  .strict();

export type CompetencyEntry = z.infer<typeof CompetencyEntrySchema>;
export type FieldEntry = z.infer<typeof FieldSchema>;
export type OutOfScopeEntry = z.infer<typeof OutOfScopeSchema>;
export type NumberWordsPack = z.infer<typeof NumberWordsSchema>;
export type LanguagePack = z.infer<typeof LanguagePackSchema>;
export type HrPack = z.infer<typeof HrPackSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
