import { composeCompetency } from "../competency/compose.js";
import { defineIntent } from "../intent.js";

/** "Hoe word ik beter in analyseren?": development tips of a competency. */
export const development = defineIntent({
  id: "development",
  // Getting better at a competency is development, even in words that also sound like career ("grow").
  detect: (plan) => (!plan.signals.development ? 0 : plan.competency ? (plan.levels.length ? 0.68 : 0.76) : 0.5),
  compose: (context) => composeCompetency(context, "development"),
  prompt: "development",
});
