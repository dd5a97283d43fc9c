import { PhraseMatcher } from "../../vocabulary/phraseMatcher.js";
import { SYSTEMS, GENERIC_SYSTEM } from "./registry.js";
import type { ClassificationSystem } from "./system.js";

const markers = new PhraseMatcher<{ system: ClassificationSystem; weight: number }>(
  SYSTEMS.flatMap((system) => [
    ...system.markers.strong.map((m) => [m, { system, weight: 3 }] as [string, { system: ClassificationSystem; weight: number }]),
    ...system.markers.weak.map((m) => [m, { system, weight: 1 }] as [string, { system: ClassificationSystem; weight: number }]),
  ]),
);

/**
 * The classification system a document uses, from its own wording: each
 * marker counts (a strong one three times, at most three occurrences each),
 * and a system needs a strong marker or several weak ones to win.
 */
export function detectSystem(text: string): ClassificationSystem {
  const scores = new Map<ClassificationSystem, number>();
  const seen = new Map<string, number>();
  for (const match of markers.matches(text.slice(0, 200_000))) {
    const k = `${match.value.system.id}:${match.at}:${match.length}`;
    const id = `${match.value.system.id}:${match.value.weight}:${match.length}`;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 3 || !k) continue;
    scores.set(match.value.system, (scores.get(match.value.system) ?? 0) + match.value.weight);
  }
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : GENERIC_SYSTEM;
}

/** Systems a question names ("bij het Rijk", "in de zorg"). */
const asked = new PhraseMatcher<ClassificationSystem>(SYSTEMS.flatMap((s) => s.askedAs.map((p) => [p, s] as [string, ClassificationSystem])));

export function systemsAskedFor(question: string): ClassificationSystem[] {
  return asked.find(question);
}
