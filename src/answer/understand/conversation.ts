import type { Citation, Intent } from "../../domain/answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import type { QueryPlan } from "./plan.js";
import { withSearchText } from "./understand.js";

/** What a conversation remembers of one turn: the plan and what the answer gave. */
export type TurnRecord = {
  plan: QueryPlan;
  intent: Intent;
  answered: boolean;
  sources: string[];
  citations: Citation[];
  followUps: string[];
  /** The rest of lists the answer cut short, for "meer". */
  expansions: { label: string; markdown: string }[];
};

/** "2", "nr. 2", "optie 2", "de tweede": picking a numbered suggestion. */
const ORDINALS: Record<string, number> = { eerste: 1, first: 1, tweede: 2, second: 2, derde: 3, third: 3, vierde: 4, fourth: 4 };
export function pickedSuggestion(question: string): number | undefined {
  const text = fold(question.trim()).replace(/[.!?)]+$/, "");
  const numeric = /^(?:nr\.?\s*|nummer\s*|optie\s*|option\s*|#)?([1-9])$/.exec(text);
  if (numeric) return Number(numeric[1]);
  const word = /^(?:de |the )?(eerste|tweede|derde|vierde|first|second|third|fourth)(?: (?:vraag|optie|suggestie|one|question|option))?$/.exec(text);
  return word ? ORDINALS[word[1]!] : undefined;
}

/**
 * A turn that leans on the previous one: it opens like a follow-up ("en voor
 * schaal 8?", "and for analysing?") or is short and names no intent of its own.
 */
export function isFollowUp(plan: QueryPlan, kb: KnowledgeBase): boolean {
  const length = plan.question.trim().split(/\s+/).length;
  const opener = kb.vocabulary.says("followUpOpeners", plan.question.split(/\s+/).slice(0, 3).join(" "));
  if (opener && length <= 7) return true;
  // A question that names its own subject starts a new topic.
  const ownSubject = plan.roles.length > 0 || plan.competencyMatch?.how === "name" || plan.competencyMatch?.how === "spelling" || plan.systems.length > 0;
  if (ownSubject) return false;
  // "what education do you need for that job?": a pointer back to the previous subject.
  if (length <= 12 && kb.vocabulary.says("references", plan.question)) return true;
  return (length <= 7 && !plan.intentExplicit) || (length <= 4 && !plan.signals.catalogue);
}

/**
 * Completes a follow-up from the previous turn: the intent stays unless the
 * follow-up names its own; a comparison stays a comparison ("en voor schaal
 * 8?" after 6→7 is 7→8); the subject (role, competency, levels, system) carries
 * over unless the follow-up names a new one.
 */
export function resolveFollowUp(current: QueryPlan, previous: TurnRecord, kb: KnowledgeBase): QueryPlan {
  const before = previous.plan;
  // Only the follow-up's own intent words change the intent; naming a competency or level keeps it ("en voor klantgerichtheid?").
  // "en voor schaal 11?" after a comparison names a level, not a new intent; "wat doet die functie?" asks its tasks.
  const stepping = (previous.intent === "career" || previous.intent === "compare") && current.levels.length > 0;
  const signals = (["interview", "development", "career", "scale", "competency", "compare", "lookup", "catalogue"] as const).filter(
    (k) => current.signals[k] && !(stepping && k === "scale"),
  );
  const ownIntent = current.intentExplicit && signals.length > 0;
  const asksSection = !signals.length && current.prepared.kinds.some((k) => k === "purpose" || k === "result-area" || k === "knowledge");
  const intent = ownIntent ? current.intent : asksSection ? "general" : previous.intent === "unknown" ? before.intent : previous.intent;
  let levels = current.levels;
  const comparing = intent === "career" || intent === "compare";
  if (comparing && before.levels.length && current.levels.length === 1 && !before.levels.some((l) => l.code === current.levels[0]!.code)) {
    // Keep the step: after 6→7, "and 8?" asks 7→8; a lower level asks that level to the first.
    const last = before.levels[before.levels.length - 1]!;
    levels = [last, current.levels[0]!];
  } else if (!levels.length && !current.competency) levels = before.levels;
  const ownSubject = current.roles.length > 0 || Boolean(current.competency) || current.systems.length > 0;
  const competency = current.competency ?? (current.levels.length || current.roles.length ? undefined : before.competency);
  const plan: QueryPlan = {
    ...current,
    intent,
    intentExplicit: true,
    competency,
    competencyMatch: current.competencyMatch ?? (competency === before.competency ? before.competencyMatch : undefined),
    levels,
    system: current.system ?? (current.roles.length ? undefined : before.system),
    systems: current.systems.length ? current.systems : before.systems,
    roles: current.roles.length ? current.roles : before.roles,
    fields: current.fields.length ? current.fields : intent === "lookup" ? before.fields : [],
    workDescription: current.workDescription || (!ownSubject && before.workDescription),
    // A follow-up that names its own subject ("en voor de accountmanager?") is not tied to the previous documents.
    previousSources: current.roles.length ? [] : previous.sources,
    followUp: true,
    language: current.language === "nl" && before.language === "en" && current.question.split(/\s+/).length <= 4 ? "en" : current.language,
  };
  return ownSubject && current.roles.length ? withSearchText(plan, current.question, kb) : withSearchText(plan, `${current.question} ${before.searchText}`, kb);
}
