import { createRequire } from "node:module";

// The official Adaptive Cards library (its CommonJS build; the ESM build does not load in Node).
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as any;

/** Every problem the Adaptive Cards 1.5 parser and its property validation report for a card (empty when valid). */
export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const card = json as { type?: unknown; version?: unknown };
  if (card?.type !== "AdaptiveCard") problems.push(`type is ${String(card?.type)}, not AdaptiveCard`);
  if (card?.version !== "1.5") problems.push(`version ${String(card?.version)}; Teams renders up to 1.5`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents ?? []) problems.push(event.message);
  return problems;
}
