import type { Intent } from "../../domain/answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/plan.js";
import { career } from "./career/intent.js";
import { catalogue } from "./catalogue/intent.js";
import { compare } from "./compare/intent.js";
import { competency } from "./competency/intent.js";
import { development } from "./development/intent.js";
import { general } from "./general/intent.js";
import { help } from "./help/intent.js";
import { EXPLICIT, type IntentDefinition } from "./intent.js";
import { interview } from "./interview/intent.js";
import { lookup } from "./lookup/intent.js";
import { salary } from "./salary/intent.js";
import { scale } from "./scale/intent.js";

/** Every intent; on equal scores the one listed first wins. */
export const INTENT_REGISTRY: readonly IntentDefinition[] = [
  help,
  catalogue,
  compare,
  lookup,
  salary,
  career,
  interview,
  development,
  competency,
  scale,
  general,
];

const byId = new Map(INTENT_REGISTRY.map((i) => [i.id, i]));

export function intentById(id: Intent): IntentDefinition {
  return byId.get(id) ?? general;
}

/** Scores every intent and picks the best. */
export function detectIntent(plan: QueryPlan, kb: KnowledgeBase): { intent: Intent; explicit: boolean; scores: Record<string, number> } {
  let best: IntentDefinition = general;
  let bestScore = -1;
  const scores: Record<string, number> = {};
  for (const definition of INTENT_REGISTRY) {
    const score = definition.detect(plan, kb);
    scores[definition.id] = score;
    if (score > bestScore) [best, bestScore] = [definition, score];
  }
  return { intent: best.id, explicit: bestScore >= EXPLICIT, scores };
}
