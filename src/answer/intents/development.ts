import { composeCompetency } from "../compose/competency.js";
import { defineIntent } from "./intent.js";

/** "Hoe word ik beter in analyseren?": development tips of a competency. */
export const development = defineIntent({
  id: "development",
  detect: (plan) => (!plan.signals.development ? 0 : plan.competency ? 0.68 : 0.5),
  compose: (context) => composeCompetency(context, "development"),
  prompt: "development",
});
