import type { Intent, Language } from "../answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import { detectIntent, CONVERSION, SALARY_AMOUNT } from "./intent.js";
import { detectLanguage } from "./language.js";
import { findCompetency, findLevels, findSystem, type LevelMention } from "./entities.js";

/** What the answerer needs to know about a question, after follow-ups are resolved. */
export type Understanding = {
  question: string;
  /** The text to search with: the question plus what a follow-up leaves implicit. */
  searchText: string;
  language: Language;
  intent: Intent;
  intentExplicit: boolean;
  competency?: string;
  levels: LevelMention[];
  system?: string;
  asksSalaryAmount: boolean;
  asksConversion: boolean;
  /** Sources the previous turn answered from; a follow-up prefers them. */
  previousSources: string[];
  followUp: boolean;
};

const FOLLOW_UP = /^(en|and|ook|also|what about|how about|hoe zit het met|en voor|and for|en bij|en wat|and what|which of (those|these)|welke (daarvan|van die|van deze)|die |those |dat |that |zelfde|same)\b/;

/**
 * The question without the job titles it names: "service level manager"
 * names a job, it does not ask for a level.
 */
type TitleIndex = { titles: string[][]; byWord: Map<string, number[]> };
const titleIndexes = new WeakMap<KnowledgeBase, TitleIndex>();

/** Distinct document titles as word lists, and which titles hold each word: built once per index. */
function titleIndex(kb: KnowledgeBase): TitleIndex {
  let index = titleIndexes.get(kb);
  if (!index) {
    const titles = [...new Set(kb.documents.map((doc) => fold(doc.title)))].map((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const byWord = new Map<string, number[]>();
    titles.forEach((words, i) => new Set(words).forEach((w) => byWord.set(w, [...(byWord.get(w) ?? []), i])));
    titleIndexes.set(kb, (index = { titles, byWord }));
  }
  return index;
}

function withoutTitles(question: string, kb: KnowledgeBase): string {
  let text = fold(question);
  const { titles, byWord } = titleIndex(kb);
  const shared = new Map<number, number>();
  for (const word of new Set(text.split(/[^\p{L}\p{N}]+/u))) for (const i of byWord.get(word) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  for (const [i, count] of shared) {
    if (count < 2) continue;
    const titleWords = titles[i]!;
    for (let size = titleWords.length; size >= 2; size--) {
      for (let at = 0; at + size <= titleWords.length; at++) {
        const phrase = titleWords.slice(at, at + size).join(" ");
        text = text.replace(new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"), " ");
      }
    }
  }
  return text;
}

export function understand(question: string, kb: KnowledgeBase): Understanding {
  const levels = findLevels(question);
  const competency = findCompetency(question, kb.competencies);
  const { intent, explicit } = detectIntent(withoutTitles(question, kb), levels, Boolean(competency));
  const folded = fold(question);
  return {
    question,
    searchText: question,
    language: detectLanguage(question),
    intent,
    intentExplicit: explicit,
    competency,
    levels,
    system: findSystem(question, kb.documents),
    // "pay scale" asks for a scale, not an amount.
    asksSalaryAmount: SALARY_AMOUNT.test(folded.replace(/(pay|salary|salaris) ?scales?/g, "")),
    asksConversion: CONVERSION.test(folded),
    previousSources: [],
    followUp: false,
  };
}

/** A short question that leans on the previous turn ("en voor schaal 7?", "and for klantgerichtheid?"). */
export function isFollowUp(current: Understanding): boolean {
  const folded = fold(current.question.trim());
  const short = folded.split(/\s+/).length <= 7;
  return FOLLOW_UP.test(folded) || (short && !current.intentExplicit);
}

/** Fills in what a follow-up leaves out from the previous turn of the same conversation. */
export function resolveFollowUp(current: Understanding, previous: Understanding & { sources: string[] }, ownTopic = false): Understanding {
  const intent = current.intentExplicit ? current.intent : previous.intent === "unknown" ? current.intent : previous.intent;
  let levels = current.levels;
  if (intent === "career" && previous.levels.length && current.levels.length === 1 && !current.levels.some((l) => previous.levels.some((p) => p.value === l.value))) {
    levels = [previous.levels[0]!, current.levels[0]!];
  } else if (!levels.length && !current.competency) levels = previous.levels;
  const competency = current.competency ?? (current.levels.length ? undefined : previous.competency);
  return {
    ...current,
    intent,
    intentExplicit: true,
    competency: competency ?? (intent === previous.intent && !current.levels.length ? previous.competency : undefined),
    levels,
    system: current.system ?? previous.system,
    // A follow-up that names its own subject ("en voor de accountmanager?") is not tied to the previous documents.
    previousSources: ownTopic ? [] : previous.sources,
    searchText: ownTopic ? current.question : `${current.question} ${previous.searchText}`,
    followUp: true,
    language: current.language === "nl" && previous.language === "en" && current.question.split(/\s+/).length <= 4 ? "en" : current.language,
  };
}
