import { composeSalary } from "./compose.js";
import { defineIntent } from "../intent.js";

/**
 * "Wat verdien ik in schaal 8?", "wat is het maximum van schaal 10?", "hoeveel
 * verdient een adviseur?": amounts from a loaded salary table. Without one the
 * question is not this intent's: the salary-amount refusal answers it as before.
 */
export const salary = defineIntent({
  id: "salary",
  detect: (plan, kb) => (kb.salaryTables.length && plan.signals.salary ? (plan.roles.length || plan.levels.length ? 0.85 : 0.6) : 0),
  compose: composeSalary,
  prompt: "salary",
});
