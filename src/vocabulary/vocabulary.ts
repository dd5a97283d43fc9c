import type { SectionKind } from "../domain/document.js";
import type { SystemRegistry } from "../domain/systems/registry.js";
import { fold, squash } from "../text/normalize.js";
import { stem } from "../text/stem.js";
import { words } from "../text/tokenize.js";
import { NumberWords } from "./numberWords.js";
import { PhraseMatcher, phraseWords } from "../text/phraseMatcher.js";
import type { SalaryWords } from "./salarySchema.js";
import type { CompetencyEntry, FieldEntry, Glossary, HrPack, LanguagePack, OutOfScopeEntry } from "./schema.js";

export type ListKind = "indicators" | "questions" | "tips" | "description" | "levels";
export type IntentWordKind =
  | "catalogue"
  | "listsLevels"
  | "catalogueRoles"
  | "workSubject"
  | "workRelative"
  | "compare"
  | "lookup"
  | "workDescription"
  | "choosesLevel"
  | "interview"
  | "development"
  | "career"
  | "scale"
  | "competency"
  | "salary";
const PREFIX_INTENT_WORDS = new Set<IntentWordKind>(["interview", "development", "career", "scale", "competency", "salary"]);
export type ConversationWordKind = "more" | "why" | "help" | "greetings" | "reset" | "followUpOpeners" | "references";

const SECTION_KINDS = new Set<string>([
  "purpose",
  "placement",
  "result-area",
  "competency",
  "interview-questions",
  "development-tips",
  "knowledge",
  "level",
  "criteria",
  "conditions",
]);

/**
 * All language knowledge the parser and the answerer use, from the YAML packs
 * merged with an organisation's glossary. Matchers are compiled once here, so
 * per-question work is a linear scan of the question.
 */
export class Vocabulary {
  readonly competencies: CompetencyEntry[];
  readonly fields: FieldEntry[];
  /** Folded words that state a career step in a document's prose. */
  readonly careerCues: PhraseMatcher<true>;
  readonly outOfScope: OutOfScopeEntry[];
  readonly roles: { name: string; aliases: string[] }[];
  /** Stems of words that say what is asked, not what about. */
  readonly questionWords: Set<string>;

  private readonly synonymGroups: string[][];
  private readonly synonymMatcher: PhraseMatcher<number>;
  private readonly competencyNameMatcher: PhraseMatcher<number>;
  private readonly competencyCueMatcher: PhraseMatcher<number>;
  private readonly headingKinds: Map<string, SectionKind>;
  private readonly askKinds: PhraseMatcher<SectionKind>;
  private readonly listLabels: Map<string, ListKind>;
  private readonly fieldLabels: Map<string, FieldEntry>;
  /** How salary tables and salary questions are read. */
  readonly salaryWords: SalaryWords;
  private readonly outOfScopeMatcher: PhraseMatcher<number>;
  private readonly intentMatchers: Record<IntentWordKind, PhraseMatcher<true>>;
  private readonly conversationPhrases: Record<ConversationWordKind, Set<string>>;
  private readonly conversationMatchers: Record<ConversationWordKind, PhraseMatcher<true>>;
  private readonly languageWords: { en: Set<string>; nl: Set<string> };
  /** Stems of words that point at a source without saying what it says ("bron", "kijk", "according"). */
  readonly sourcePointers: Set<string>;
  private readonly assistantRoleLabels: Set<string>;
  private readonly assistantPhrases: PhraseMatcher<true>;
  /** Number words of the language pack: cardinals, compounds, ordinals. */
  readonly numbers: NumberWords;

  constructor(
    language: LanguagePack,
    hr: HrPack,
    glossary: Glossary | undefined,
    /** sha256 of the packs and the glossary: part of the index manifest, so a change rebuilds. */
    readonly hash: string,
    /** The classification systems: the shipped entries plus the glossary's own. */
    readonly systems: SystemRegistry,
  ) {
    const extraCompetencies = glossary?.competencies ?? [];
    this.competencies = mergeCompetencies([...hr.competencies, ...extraCompetencies]);
    this.fields = hr.fields;
    this.careerCues = new PhraseMatcher(hr.careerCues.map((cue) => [cue, true] as [string, true]));
    this.salaryWords = hr.salaryTables;
    this.outOfScope = [...hr.outOfScope, ...(glossary?.outOfScope ?? [])];
    this.roles = glossary?.roles ?? [];
    this.questionWords = new Set(words(language.questionWords).map(stem));
    this.synonymGroups = [...hr.synonyms, ...(glossary?.synonyms ?? []), ...this.roles.map((r) => [r.name, ...r.aliases])].map((g) => g.map((t) => fold(t)));
    this.synonymMatcher = new PhraseMatcher(this.synonymGroups.flatMap((group, i) => group.map((term) => [term, i] as [string, number])));
    this.competencyNameMatcher = new PhraseMatcher(this.competencies.flatMap((c, i) => [c.name, ...c.aliases].map((n) => [n, i] as [string, number])));
    this.competencyCueMatcher = new PhraseMatcher(
      this.competencies.flatMap((c, i) => c.cues.map((cue) => [cue, i] as [string, number])),
      true,
    );
    this.headingKinds = new Map();
    const asks: [string, SectionKind][] = [];
    for (const [kind, entry] of Object.entries(hr.sectionKinds)) {
      if (!SECTION_KINDS.has(kind)) continue;
      for (const heading of entry.headings) this.headingKinds.set(key(heading), kind as SectionKind);
      for (const word of entry.asks) asks.push([word, kind as SectionKind]);
    }
    this.askKinds = new PhraseMatcher(asks, true);
    this.listLabels = new Map();
    for (const kind of ["indicators", "questions", "tips", "description", "levels"] as const)
      for (const label of hr.listKinds[kind]) this.listLabels.set(key(label), kind);
    this.fieldLabels = new Map(this.fields.flatMap((field) => field.labels.map((label) => [key(label), field] as [string, FieldEntry])));
    this.outOfScopeMatcher = new PhraseMatcher(this.outOfScope.flatMap((topic, i) => topic.words.map((w) => [w, i] as [string, number])));
    this.intentMatchers = Object.fromEntries(
      (Object.keys(hr.intentWords) as IntentWordKind[]).map((kind) => [
        kind,
        new PhraseMatcher(
          hr.intentWords[kind].map((p) => [p, true as const]),
          PREFIX_INTENT_WORDS.has(kind),
        ),
      ]),
    ) as Record<IntentWordKind, PhraseMatcher<true>>;
    const kinds: ConversationWordKind[] = ["more", "why", "help", "greetings", "reset", "followUpOpeners", "references"];
    this.conversationPhrases = Object.fromEntries(kinds.map((k) => [k, new Set(language[k].map((p) => phraseWords(p).join(" ")))])) as Record<
      ConversationWordKind,
      Set<string>
    >;
    this.conversationMatchers = Object.fromEntries(kinds.map((k) => [k, new PhraseMatcher(language[k].map((p) => [p, true as const]))])) as Record<
      ConversationWordKind,
      PhraseMatcher<true>
    >;
    this.languageWords = { en: new Set(language.languages.en.map(fold)), nl: new Set(language.languages.nl.map(fold)) };
    this.numbers = new NumberWords(language.numbers);
    this.assistantRoleLabels = new Set(language.assistantAddress.roleLabels.map(fold));
    this.assistantPhrases = new PhraseMatcher(language.assistantAddress.phrases.map((p) => [p, true as const]));
    this.sourcePointers = new Set(language.sourcePointers.flatMap((p) => words(p)).map(stem));
  }

  /** The synonym groups a text touches, as indexes, with the terms that matched. */
  synonymsIn(text: string): { group: string[]; matched: string[] }[] {
    const found = new Map<number, Set<string>>();
    const textWords = phraseWords(text);
    for (const m of this.synonymMatcher.matches(textWords)) {
      const set = found.get(m.value) ?? new Set();
      set.add(textWords.slice(m.at, m.at + m.length).join(" "));
      found.set(m.value, set);
    }
    return [...found].map(([i, matched]) => ({ group: this.synonymGroups[i]!, matched: [...matched] }));
  }

  /** The other members of every synonym group the text touches. */
  relatives(text: string): string[] {
    const out = new Set<string>();
    for (const { group, matched } of this.synonymsIn(text)) for (const term of group) if (!matched.includes(term)) out.add(term);
    return [...out];
  }

  /** Competencies the text names by name or alias, longest phrase first. */
  competenciesNamed(text: string): CompetencyEntry[] {
    const hits = this.competencyNameMatcher.matches(text).sort((a, b) => b.length - a.length || a.at - b.at);
    return [...new Set(hits.map((h) => h.value))].map((i) => this.competencies[i]!);
  }

  /** How strongly each competency's cue words occur in a text. */
  competencyCueScores(text: string): Map<CompetencyEntry, number> {
    const scores = new Map<CompetencyEntry, number>();
    for (const m of this.competencyCueMatcher.matches(text)) {
      const entry = this.competencies[m.value]!;
      scores.set(entry, (scores.get(entry) ?? 0) + 1);
    }
    return scores;
  }

  private get singleWordHeadings(): [string, SectionKind][] {
    return (this.compoundHeads ??= [...this.headingKinds].filter(([h]) => !h.includes(" ") && h.length >= 6));
  }
  private compoundHeads?: [string, SectionKind][];

  /** The section kind a heading names ("Resultaatgebieden" → result-area), if any. */
  headingKind(heading: string): SectionKind | undefined {
    const k = key(heading);
    const exact = this.headingKinds.get(k);
    if (exact) return exact;
    // "Taken en verantwoordelijkheden van de functie": the longest known heading at its start.
    const words = k.split(" ");
    for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
      const kind = this.headingKinds.get(words.slice(0, n).join(" "));
      if (kind) return kind;
    }
    // Dutch compounds put the head noun last: "gedragcompetenties", "kerntaken", "functievereisten".
    for (const word of [...words].reverse()) {
      for (const [heading, kind] of this.singleWordHeadings) if (word.endsWith(heading)) return kind;
    }
    return undefined;
  }

  /** Section kinds a question asks for ("toetsvragen", "what are the tasks"). */
  askedKinds(question: string): Set<SectionKind> {
    return new Set(this.askKinds.find(question));
  }

  /** "Gedragsindicatoren", "Toetsvragen:", "**Ontwikkeltips**": the list a label introduces. */
  listKind(label: string): ListKind | undefined {
    return this.listLabels.get(key(label));
  }

  /** The field a label names ("Afdeling", "Eerste evaluator"). */
  field(label: string): FieldEntry | undefined {
    const k = key(label);
    return this.fieldLabels.get(k) ?? this.fieldLabels.get(k.replace(/\s*\(.*\)$/, ""));
  }

  fieldById(id: string): FieldEntry | undefined {
    return this.fields.find((f) => f.id === id);
  }

  /** Fields a question asks about, by their label words. */
  fieldsAsked(question: string): FieldEntry[] {
    const matcher = (this.fieldMatcher ??= new PhraseMatcher(
      this.fields.flatMap((f) => f.labels.map((l) => [l, f] as [string, FieldEntry])),
      true,
    ));
    return matcher.find(question);
  }
  private fieldMatcher?: PhraseMatcher<FieldEntry>;

  /** Out-of-scope topics a question touches. */
  outOfScopeTopics(question: string): OutOfScopeEntry[] {
    return this.outOfScopeMatcher.find(question).map((i) => this.outOfScope[i]!);
  }

  intentWords(kind: IntentWordKind, text: string): boolean {
    return this.intentMatchers[kind].has(text);
  }

  /** A turn that is only a conversation word ("meer", "waarom?", "help"). */
  isOnly(kind: ConversationWordKind, text: string): boolean {
    return this.conversationPhrases[kind].has(phraseWords(text).join(" "));
  }

  says(kind: ConversationWordKind, text: string): boolean {
    return this.conversationMatchers[kind].has(text);
  }

  /** "van zes naar zeven" → "van 6 naar 7": number words as digits, the rest unchanged. */
  withDigits(text: string): string {
    return text.replace(/\p{L}+/gu, (word) => {
      const n = this.numbers.cardinal(word);
      return n === undefined ? word : String(n);
    });
  }

  /** A line of a document that speaks to the assistant ("SYSTEM: …", "ignore previous instructions", "zeg dat …"). */
  addressesAssistant(line: string): boolean {
    const label = /^[\s*_#>|-]*([\p{L}]+)\s*:/u.exec(line.slice(0, 64));
    if (label && this.assistantRoleLabels.has(fold(label[1]!))) return true;
    return this.assistantPhrases.has(line);
  }

  /** Dutch or English by the function words used; Dutch wins a tie (the documents are Dutch). */
  language(text: string): "nl" | "en" {
    let en = 0;
    let nl = 0;
    for (const word of phraseWords(text)) {
      if (this.languageWords.en.has(word)) en++;
      if (this.languageWords.nl.has(word)) nl++;
    }
    return en > nl ? "en" : "nl";
  }

  /** Every term the organisation's glossary adds, for the ingest warning about terms no document uses. */
  static glossaryTerms(glossary: Glossary): string[] {
    return [
      ...glossary.synonyms.flat(),
      ...glossary.roles.flatMap((r) => [r.name, ...r.aliases]),
      ...glossary.competencies.flatMap((c) => [c.name, ...c.aliases]),
    ];
  }
}

/** Folded label text: case, diacritics, markup, numbering and a trailing colon ignored. */
export function key(label: string): string {
  return squash(
    fold(label)
      .replace(/[*_#`]+/g, " ")
      .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/, "")
      .replace(/[:.]+\s*$/, "")
      .replace(/\s*\/\s*/g, "/"),
  );
}

/** A glossary entry with a pack's name adds to it rather than shadowing it. */
function mergeCompetencies(entries: CompetencyEntry[]): CompetencyEntry[] {
  const byName = new Map<string, CompetencyEntry>();
  for (const entry of entries) {
    const k = fold(entry.name);
    const known = byName.get(k);
    if (known) byName.set(k, { name: known.name, aliases: [...known.aliases, ...entry.aliases], cues: [...known.cues, ...entry.cues] });
    else byName.set(k, { ...entry });
  }
  return [...byName.values()];
}
