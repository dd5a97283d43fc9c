import { composeInterview } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "Geef toetsvragen voor onderhandelen": interview questions of a competency or a role. */
export const interview = defineIntent({
  id: "interview",
  // "welke vragen stel ik…": asking for questions is asking for interview questions.
  detect: (plan) => (plan.signals.interview ? 0.72 : plan.prepared.kinds.includes("interview-questions") && (plan.competency || plan.roles.length) ? 0.6 : 0),
  compose: composeInterview,
  prompt: "interview",
});
