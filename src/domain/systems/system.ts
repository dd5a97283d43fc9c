import { z } from "zod";

/** Folded phrases: trimmed, empty entries dropped. */
const phrases = z.array(z.string().trim().min(1)).default([]);

/**
 * A level-code pattern from a YAML entry (possibly an organisation's glossary): anchored, short, and without a
 * quantified group that itself holds a quantifier, so matching stays linear on any text.
 */
const CodePattern = z
  .string()
  .max(200)
  .refine((source) => source.startsWith("^") && source.endsWith("$"), "a level code pattern is anchored: ^…$")
  .refine((source) => !/\([^()]*[+*}][^()]*\)[+*{]/.test(source), "a level code pattern may not repeat a group that repeats (nested quantifiers)")
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, "not a valid regular expression");

/** How the codes of a system order, lowest first. */
export const LEVEL_ORDERS = ["number", "grade", "letters", "number-or-grade", "list"] as const;

/** One classification system as data: `vocabulary/systems.yaml`, or `systems:` in an organisation's glossary. */
export const SystemEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "an id is lower case letters, digits and dashes"),
    name: z.string().trim().min(1),
    country: z.string().optional(),
    sector: z.string().optional(),
    markers: z.object({ names: phrases, strong: phrases, weak: phrases }).strict().default({ names: [], strong: [], weak: [] }),
    levelWords: z.array(z.string().trim().min(1)).min(1),
    code: CodePattern,
    order: z.enum(LEVEL_ORDERS),
    /** With order "list": the codes, lowest first. */
    levels: z.array(z.string().trim().min(1)).optional(),
    label: z
      .object({ pattern: z.string().includes("{code}").optional(), documentWord: z.boolean().default(false) })
      .strict()
      .default({ documentWord: false }),
    legacy: z.enum(["niveau", "klasse"]).optional(),
    questionWords: phrases,
    askedAs: phrases,
    formerIds: phrases,
  })
  .strict()
  .refine((entry) => entry.order !== "list" || Boolean(entry.levels?.length), { message: 'order "list" needs the codes in `levels`', path: ["levels"] });
export type SystemEntry = z.infer<typeof SystemEntrySchema>;

export const SystemPackSchema = z.object({ version: z.literal(1), systems: z.array(SystemEntrySchema).min(1) }).strict();

/**
 * A job classification system: how a document shows it uses the system, how a level is written, how levels
 * order, and how people name the system when they ask. Built from a `SystemEntry`.
 */
export type ClassificationSystem = {
  id: string;
  /** Display name, e.g. "Functiegebouw Rijk". */
  name: string;
  /** Folded phrases that mark a document as using this system: `names` name it outright, `strong` ones are specific to it. */
  markers: { names: string[]; strong: string[]; weak: string[] };
  /** Folded words that introduce a level ("schaal", "functieklasse"); the first is used in labels. */
  levelWords: string[];
  /** A level code of this system, anchored, linear (no nested quantifiers): "7", "C1", "15/16", "B1-B3". */
  code: RegExp;
  /** Rank for ordering levels within the system: higher is a heavier job. */
  rank(code: string): number;
  /** Folded phrases by which a question names the system ("rijksoverheid", "universiteit"). */
  askedAs: string[];
  /** Words a question may use for this system's levels besides its level words. */
  questionWords: string[];
  label: SystemEntry["label"];
  legacy?: SystemEntry["legacy"];
  formerIds: string[];
};

/** "15/16" → 15, "B1-B3" → the first part; numbers as they come. */
export function firstNumber(code: string): number {
  const match = /\d+/.exec(code);
  return match ? Number(match[0]) : 0;
}

/** Flemish grades: E < D < C < B < A, then the number ("C1" < "C2" < "B1"). */
export function gradeRank(code: string): number {
  const match = /^([A-E])(\d)?/i.exec(code.trim());
  if (!match) return 0;
  return ("EDCBA".indexOf(match[1]!.toUpperCase()) + 1) * 10 + Number(match[2] ?? 0);
}

/** The position of a code in the system's own list, lowest first (1-based; 0 for a code not in it). */
function listRank(levels: readonly string[]): (code: string) => number {
  const positions = new Map(levels.map((code, i) => [code.toUpperCase(), i + 1]));
  return (code) => positions.get(code.trim().toUpperCase()) ?? 0;
}

const RANKS: Record<Exclude<SystemEntry["order"], "list">, (code: string) => number> = {
  number: firstNumber,
  grade: gradeRank,
  letters: (code) => "ABCDEFGHIJKLMN".indexOf(code.trim().toUpperCase()) + 1,
  "number-or-grade": (code) => (/^\d/.test(code) ? firstNumber(code) : gradeRank(code)),
};

export function systemFromEntry(entry: SystemEntry): ClassificationSystem {
  return {
    id: entry.id,
    name: entry.name,
    markers: entry.markers,
    levelWords: entry.levelWords,
    code: new RegExp(entry.code),
    rank: entry.order === "list" ? listRank(entry.levels ?? []) : RANKS[entry.order],
    askedAs: entry.askedAs,
    questionWords: entry.questionWords,
    label: entry.label,
    legacy: entry.legacy,
    formerIds: entry.formerIds,
  };
}
