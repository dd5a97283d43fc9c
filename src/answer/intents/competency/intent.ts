import { composeCompetency } from "./compose.js";
import { defineIntent } from "../intent.js";

/** A competency's meaning and indicators, a role's competencies, or a competency's level in a job class. */
export const competency = defineIntent({
  id: "competency",
  detect: (plan) => {
    if (plan.competency && plan.levels.length && (plan.signals.scale || plan.signals.competency)) return 0.7;
    if (plan.signals.competency) return plan.competency ? 0.66 : 0.48;
    return plan.competency ? 0.45 : 0;
  },
  compose: (context) => composeCompetency(context, "competency"),
  prompt: "competency",
});
