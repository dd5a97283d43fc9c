import type { Intent } from "../answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/understand.js";
import { career } from "./career.js";
import { catalogue } from "./catalogue.js";
import { compare } from "./compare.js";
import { competency } from "./competency.js";
import { development } from "./development.js";
import { general } from "./general.js";
import { help } from "./help.js";
import { EXPLICIT, type IntentDefinition } from "./intent.js";
import { interview } from "./interview.js";
import { lookup } from "./lookup.js";
import { salary } from "./salary.js";
import { scale } from "./scale.js";

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
