import { fold } from "../../text/normalize.js";
import { PhraseMatcher } from "../../text/phraseMatcher.js";
import type { LevelRef } from "../document.js";
import type { LevelMention, LevelStatement } from "./levels.js";
import { type ClassificationSystem, type SystemEntry, systemFromEntry } from "./system.js";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A system named outright outweighs the markers of any other: 3 occurrences × (3 strong phrases) stay below it. */
const NAMED = 30;
/** Words that only name a level when their code has a letter or the label says so. */
const LOOSE_WORDS = new Set(["niveau", "level", "klasse", "punten"]);

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The classification systems one knowledge folder knows: the shipped entries (`vocabulary/systems.yaml`) plus
 * any its glossary declares. Detects a document's system, reads level statements, and compares levels, always
 * within one system: systems are never converted into each other.
 */
export class SystemRegistry {
  readonly all: readonly ClassificationSystem[];
  readonly generic: ClassificationSystem;
  private readonly byId = new Map<string, ClassificationSystem>();
  private readonly markers: PhraseMatcher<{ system: ClassificationSystem; weight: number }>;
  private readonly asked: PhraseMatcher<ClassificationSystem>;
  /** "<level word> [:-] <code>": literal words, then bounded character classes, so the scan is linear in the text. */
  private readonly statement: RegExp;

  constructor(entries: readonly SystemEntry[]) {
    const generic = entries.find((entry) => entry.id === "generic");
    if (!generic) throw new Error("the systems need a `generic` entry: the fallback for levels of a system nobody named");
    // The fallback goes last, whatever order the entries came in.
    this.all = [...entries.filter((entry) => entry !== generic), generic].map(systemFromEntry);
    this.generic = this.all.at(-1)!;
    for (const system of this.all) {
      if (this.byId.has(system.id)) throw new Error(`two systems have the id "${system.id}"`);
      this.byId.set(system.id, system);
    }
    for (const system of this.all) for (const former of system.formerIds) if (!this.byId.has(former)) this.byId.set(former, system);
    this.markers = new PhraseMatcher(
      this.all.flatMap((system) => [
        ...system.markers.names.map((m) => [m, { system, weight: NAMED }] as [string, { system: ClassificationSystem; weight: number }]),
        ...system.markers.strong.map((m) => [m, { system, weight: 3 }] as [string, { system: ClassificationSystem; weight: number }]),
        ...system.markers.weak.map((m) => [m, { system, weight: 1 }] as [string, { system: ClassificationSystem; weight: number }]),
      ]),
    );
    this.asked = new PhraseMatcher(this.all.flatMap((s) => s.askedAs.map((p) => [p, s] as [string, ClassificationSystem])));
    const levelWords = [...new Set(this.all.flatMap((s) => s.levelWords))].sort((a, b) => b.length - a.length);
    this.statement = new RegExp(
      `(?<![\\p{L}\\p{N}])(${levelWords.map(escapeRegex).join("|")})(?:\\s*[:=-]\\s*|\\s+)([A-Za-z]?\\d{1,4}[a-c]?(?:\\s?[-/]\\s?[A-Za-z]?\\d{1,4}[a-c]?)?|[A-N](?![\\p{L}\\p{N}]))`,
      "giu",
    );
  }

  /** A system by id, a former id or its display name; the fallback otherwise. */
  system(id: string | undefined): ClassificationSystem {
    if (!id) return this.generic;
    return this.byId.get(id) ?? this.all.find((s) => s.name.toLowerCase() === id.toLowerCase()) ?? this.generic;
  }

  /**
   * The classification system a document uses, from its whole wording: each marker counts (a name of the
   * system far more than any marker of another, a strong one three times a weak one, which counts once; a
   * specific phrase at most three times), and a system needs a strong marker or several weak ones to win.
   */
  detect(text: string): ClassificationSystem {
    const scores = new Map<ClassificationSystem, number>();
    const seen = new Map<string, number>();
    for (const match of this.markers.matches(text.slice(0, 200_000))) {
      const id = `${match.value.system.id}:${match.value.weight}:${match.length}`;
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      // A common (weak) word counts once, so no single common word decides; a specific one up to three times.
      if (count > (match.value.weight === 1 ? 1 : 3)) continue;
      scores.set(match.value.system, (scores.get(match.value.system) ?? 0) + match.value.weight);
    }
    const best = [...scores].sort((a, b) => b[1] - a[1])[0];
    return best && best[1] >= 3 ? best[0] : this.generic;
  }

  /** Systems a question names ("bij het Rijk", "in de zorg"). */
  askedFor(question: string): ClassificationSystem[] {
    return this.asked.find(question);
  }

  /** The level statements in a text: "schaal 8", "Salarisschaal: 8", "functieklasse 15/16", "FWG 45", "niveau B1-B3". */
  levelStatements(text: string): LevelStatement[] {
    const out: LevelStatement[] = [];
    for (const match of text.slice(0, 20_000).matchAll(this.statement)) {
      const word = fold(match[1]!);
      const code = match[2]!.replace(/\s+/g, "").toUpperCase();
      // "niveau 2" under a competency is a proficiency, not a job level: digits alone need a clearer word.
      if (LOOSE_WORDS.has(word) && /^\d+$/.test(code)) continue;
      out.push({ word, code });
    }
    return out;
  }

  /** The system a statement belongs to: the document's own when it fits, else one whose words and codes fit. */
  systemFor(statement: LevelStatement, documentSystem: ClassificationSystem): ClassificationSystem | undefined {
    const fits = (s: ClassificationSystem) => s.levelWords.includes(statement.word) && s.code.test(statement.code);
    if (fits(documentSystem)) return documentSystem;
    const specific = this.all.find((s) => s !== this.generic && fits(s) && s.levelWords[0] === statement.word);
    return specific ?? (fits(this.generic) ? this.generic : this.all.find(fits));
  }

  /** A system-neutral level reference, with the legacy fields the Rijk/UFO/Flemish layouts fill in. */
  makeLevel(system: ClassificationSystem, word: string, code: string): LevelRef {
    // "Salarisschaal 7" and "loonschaal 7" are "Schaal 7"; other words stay as the document wrote them.
    const labelWord = system.label.documentWord ? (/schaal$/.test(word) ? "schaal" : word) : system.levelWords[0]!;
    const label = system.label.pattern ? system.label.pattern.replace("{code}", code) : `${capital(labelWord)} ${code}`;
    const level: LevelRef = { label, system: system.id, code, rank: system.rank(code) };
    if (/^\d{1,2}$/.test(code) && /schaal/.test(labelWord)) level.scale = Number(code);
    if (system.legacy) level[system.legacy] = code;
    return level;
  }

  /** Fills in system, code and rank of a level a layout adapter recorded the old way. */
  completeLevel(level: LevelRef, documentSystem: string): LevelRef {
    const system = this.system(level.system ?? documentSystem);
    const code = level.code ?? level.klasse ?? (level.scale !== undefined ? String(level.scale) : undefined) ?? level.niveau ?? level.label.replace(/^\D+/, "");
    return { ...level, system: system.id, code, rank: level.rank ?? level.scale ?? system.rank(code) };
  }

  /**
   * Whether a level is the one a question names. Codes compare exactly; the word must fit the level's system
   * ("schaal 14" is not "functieklasse 14").
   */
  sameLevel(level: LevelRef, mention: LevelMention): boolean {
    const code = level.code ?? "";
    const wanted = mention.code.toUpperCase();
    const codeMatches = code === wanted || (level.scale !== undefined && String(level.scale) === wanted) || code.split(/[-/]/).includes(wanted);
    if (!codeMatches) return false;
    if (!mention.word) return true;
    const system = this.system(level.system);
    const word = fold(mention.word);
    return system.levelWords.includes(word) || system.questionWords.includes(word);
  }
}
