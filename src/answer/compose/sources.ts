import { fold } from "../../text/normalize.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { SectionKind } from "../../ingest/model.js";
import type { KnowledgeBase, SearchHit } from "../../search/knowledgeBase.js";
import type { Understanding } from "../understand/understand.js";
import { QUESTION_WORDS } from "../understand/questionWords.js";

const TOP_HITS = 8;

/** Documents whose title the question names ("de accountmanager", "service level manager"). */
export function namedSources(u: Understanding, kb: KnowledgeBase): string[] {
  return titleMatches(u, kb).map((d) => d.source);
}

/** Documents whose title shares words with the question, with how many, most first. */
const titleStems = new WeakMap<KnowledgeBase, { source: string; stems: Set<string> }[]>();

export function titleMatches(u: Understanding, kb: KnowledgeBase): { source: string; shared: number }[] {
  const asked = new Set(kb.queryTerms(u.question).filter((s) => s.length >= 4 && !QUESTION_WORDS.has(s)));
  if (!asked.size) return [];
  let titles = titleStems.get(kb);
  if (!titles) titleStems.set(kb, (titles = kb.documents.map((doc) => ({ source: doc.source, stems: new Set(words(doc.title).map(stem)) }))));
  return titles
    .map(({ source, stems }) => ({ source, shared: [...asked].filter((s) => stems.has(s)).length }))
    .filter((d) => d.shared > 0)
    .sort((a, b) => b.shared - a.shared);
}

/**
 * The documents a question is about, best first: documents it names, then
 * those among the top hits (narrowed to a named system, and to the previous
 * turn's documents for a follow-up), that pass `accept`.
 */
export function candidateSources(u: Understanding, kb: KnowledgeBase, hits: SearchHit[], accept: (source: string) => boolean = () => true): string[] {
  let ordered = [...new Set([...namedSources(u, kb), ...hits.slice(0, TOP_HITS).map((hit) => hit.chunk.source)])];
  if (u.system) {
    const system = fold(u.system);
    const inSystem = kb.documents.filter((d) => fold(d.system) === system).map((d) => d.source);
    const inSystemSet = new Set(inSystem);
    const found = ordered.filter((s) => inSystemSet.has(s));
    // Documents of the system the hits did not reach come after, a few at most: there may be thousands.
    ordered = [...found, ...inSystem.filter((s) => !found.includes(s)).slice(0, TOP_HITS)];
  }
  if (u.followUp && u.previousSources.length) {
    const previous = ordered.filter((s) => u.previousSources.includes(s));
    if (previous.length) ordered = [...previous, ...u.previousSources.filter((s) => !previous.includes(s))];
  }
  return ordered.filter(accept);
}

const KIND_HINTS: [RegExp, SectionKind][] = [
  [/\bdoel\b|purpose|\bgoal\b|korte omschrijving|wat doet|what does .* do|summary/, "purpose"],
  [/resultaatgebied|resultaten|taken|tasks|responsibilit|activiteiten|activities|kernactiviteit/, "result-area"],
  [/kennis|opleiding|diploma|ervaring|education|knowledge|experience|qualification/, "knowledge"],
  [/criteria|indelingscriteria|waarde \d/, "criteria"],
];

/** Hits reordered for the question: sections of the named documents and of the asked kind first. */
export function focusHits(u: Understanding, kb: KnowledgeBase, hits: SearchHit[]): SearchHit[] {
  const named = new Set(namedSources(u, kb));
  const kind = KIND_HINTS.find(([pattern]) => pattern.test(fold(u.question)))?.[1];
  const weight = (hit: SearchHit) => (named.size && named.has(hit.chunk.source) ? 2 : 0) + (kind && hit.chunk.kind === kind ? 1 : 0);
  const focused = named.size ? hits.filter((hit) => named.has(hit.chunk.source)) : hits;
  return (focused.length ? focused : hits).map((hit, i) => ({ hit, i })).sort((a, b) => weight(b.hit) - weight(a.hit) || a.i - b.i).map(({ hit }) => hit);
}
