import { composeCompare } from "./compose.js";
import { defineIntent } from "../intent.js";

/** Two roles, two levels in one system, or one role across systems, side by side. */
export const compare = defineIntent({
  id: "compare",
  detect: (plan) => {
    if (!plan.signals.compare) return 0;
    const things = Math.max(plan.levels.length, plan.roles.length, plan.systems.length);
    return things >= 2 ? 0.85 : 0.4;
  },
  compose: composeCompare,
  prompt: "compare",
});
