import { composeScale } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "Welke schaal past bij …?", also for described work, and "wat doet een medewerker in schaal 6?". */
export const scale = defineIntent({
  id: "scale",
  detect: (plan) => (plan.signals.scale ? (plan.workDescription ? 0.78 : 0.6) : plan.workDescription ? 0.55 : plan.levels.length === 1 ? 0.5 : 0),
  compose: composeScale,
  prompt: "scale",
});
