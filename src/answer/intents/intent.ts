import type { Intent } from "../../domain/answer.js";
import type { ComposeContext, Draft } from "../compose/draft.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/plan.js";

/**
 * One intent: how strongly a question asks for it (0 … 1, from the plan's
 * vocabulary signals and entities), and how its offline answer is composed.
 * The highest score wins; ties go to the intent listed first in the registry.
 * Add an intent: one folder here (intent.ts: signals and composer; compose.ts; followUps.ts; its LLM prompt in
 * prompts/intents/<id>.md) and one line in registry.ts.
 */
export type IntentDefinition = {
  id: Intent;
  detect(plan: QueryPlan, kb: KnowledgeBase): number;
  compose(context: ComposeContext): Draft | Promise<Draft>;
  /** Prompt file (prompts/intents/<name>.md) the LLM mode adds for this intent, if any. */
  prompt?: string;
};

export function defineIntent(definition: IntentDefinition): IntentDefinition {
  return definition;
}

/** A score at or above this means the question's own words chose the intent. */
export const EXPLICIT = 0.45;
