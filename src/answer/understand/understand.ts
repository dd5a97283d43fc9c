import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import type { IntentWordKind } from "../../vocabulary/vocabulary.js";
import { findCompetency, findLevelMentions, findSystems } from "./entities.js";
import type { Conversational, QueryPlan } from "./plan.js";
import { namedRoles, partlyNamedRole } from "./roles.js";
import { detectIntent } from "../intents/registry.js";
import { perIndex } from "../../search/perIndex.js";

const SIGNALS: IntentWordKind[] = [
  "catalogue",
  "compare",
  "lookup",
  "workDescription",
  "choosesLevel",
  "listsLevels",
  "catalogueRoles",
  "interview",
  "development",
  "career",
  "scale",
  "competency",
  "salary",
];
const LOOKUP_FIELDS = new Set(["department", "reportsTo", "evaluators", "hours", "education", "experience", "statuut", "location", "code"]);

const titleWordCache = perIndex(() => new Map<string, string[]>());

/** A document's title as folded words, once per index: a common title word names thousands of documents. */
function foldedTitleWords(kb: KnowledgeBase, source: string): string[] {
  const cache = titleWordCache(kb);
  let found = cache.get(source);
  if (!found)
    cache.set(
      source,
      (found = fold(kb.document(source)?.title ?? "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)),
    );
  return found;
}

/** The question without the job titles it names: "service level manager" names a job, it does not ask for a level. */
function withoutRoleWords(question: string, kb: KnowledgeBase, roles: string[]): string {
  if (!roles.length) return question;
  const titleWords = new Set<string>();
  for (const source of roles) for (const word of foldedTitleWords(kb, source)) titleWords.add(word);
  return fold(question)
    .split(/\s+/)
    .filter((w) => !titleWords.has(w.replace(/[^\p{L}\p{N}]/gu, "")))
    .join(" ");
}

export function understand(question: string, kb: KnowledgeBase): QueryPlan {
  const vocabulary = kb.vocabulary;
  const roles = namedRoles(question, kb);
  const asked = withoutRoleWords(question, kb, roles);
  const signals = Object.fromEntries(SIGNALS.map((kind) => [kind, vocabulary.intentWords(kind, asked)])) as QueryPlan["signals"];
  const levels = findLevelMentions(vocabulary.withDigits(question));
  const lookingForCompetency = Boolean(signals.interview || signals.development || signals.competency);
  // With a role named, only a competency named by name counts: "interviewkit voor de X" asks about the role.
  const competencyMatch = findCompetency(roles.length ? asked : question, kb, lookingForCompetency && !roles.length);
  const systems = findSystems(question, kb);
  const topics = vocabulary.outOfScopeTopics(question.replace(/\b(pay|salary|salaris)\s?scales?\b/gi, "scale"));
  const fields = vocabulary
    .fieldsAsked(asked)
    .map((f) => f.id)
    .filter((id) => LOOKUP_FIELDS.has(id));
  const plan: QueryPlan = {
    question,
    searchText: question,
    language: vocabulary.language(question),
    intent: "general",
    intentExplicit: false,
    signals,
    competency: competencyMatch?.name,
    competencyMatch,
    levels,
    system: systems.length === 1 ? systems[0] : undefined,
    systems,
    roles,
    unknownRole: partlyNamedRole(question, roles, kb),
    workDescription: Boolean(signals.workDescription) || (vocabulary.intentWords("workSubject", asked) && vocabulary.intentWords("workRelative", asked)),
    fields: [...new Set(fields)],
    outOfScope: topics[0] && { id: topics[0].id, nl: topics[0].nl, en: topics[0].en },
    prepared: kb.prepare(question),
    previousSources: [],
    followUp: false,
    conversational: conversationalKind(question, kb),
  };
  // The intent is scored last, from everything the plan knows (src/answer/intents/).
  const detected = detectIntent(plan, kb);
  return { ...plan, intent: detected.intent, intentExplicit: detected.explicit };
}

/** "meer", "waarom?", "help", "hallo", "nieuw gesprek": turns about the conversation, not the documents. */
export function conversationalKind(question: string, kb: KnowledgeBase): Conversational | undefined {
  const v = kb.vocabulary;
  if (v.isOnly("reset", question)) return "reset";
  if (v.isOnly("more", question)) return "more";
  if (v.isOnly("why", question)) return "why";
  if (v.isOnly("help", question) || (v.says("help", question) && question.split(/\s+/).length <= 6)) return "help";
  if (v.isOnly("greetings", question)) return "greeting";
  return undefined;
}

/** Fills in the plan's retrieval query again after the search text changed. */
export function withSearchText(plan: QueryPlan, searchText: string, kb: KnowledgeBase): QueryPlan {
  const prepared = kb.prepare(searchText);
  return { ...plan, searchText, prepared: { ...prepared, kinds: [...new Set([...plan.prepared.kinds, ...prepared.kinds])] } };
}
