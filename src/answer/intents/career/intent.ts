import { composeCareer } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "Wat heb ik nodig om van schaal 6 naar 7 te groeien?": what changes between two levels. */
export const career = defineIntent({
  id: "career",
  detect: (plan) => (plan.signals.career ? (plan.signals.interview ? 0.6 : 0.75) : plan.levels.length >= 2 ? 0.7 : 0),
  compose: (context) => composeCareer(context),
  prompt: "career",
});
