import type { Intent, Language } from "../../domain/answer.js";
import { defuse, renderContext, type ContextBlock } from "./context.js";
import { fill, intentInstructions, languageName, type PromptSet } from "./prompts.js";

/** The two messages we send: fixed rules, then data. */
export type PromptMessages = { system: string; user: string };

/**
 * The system message depends only on intent and language, never on documents
 * or the question: whatever a document says cannot reach the instructions.
 */
export function systemMessage(prompts: PromptSet, intent: Intent, language: Language): string {
  return fill(prompts.system, { language_name: languageName(language), intent_instructions: intentInstructions(prompts, intent) });
}

export function buildMessages(prompts: PromptSet, input: { intent: Intent; language: Language; question: string; blocks: ContextBlock[] }): PromptMessages {
  return {
    system: systemMessage(prompts, input.intent, input.language),
    user: fill(prompts.user, { context: renderContext(input.blocks), question: defuse(input.question) }),
  };
}
