import { composeInterview } from "../compose/interview.js";
import { defineIntent } from "./intent.js";

/** "Geef toetsvragen voor onderhandelen": interview questions of a competency or a role. */
export const interview = defineIntent({
  id: "interview",
  detect: (plan) => (plan.signals.interview ? 0.72 : 0),
  compose: composeInterview,
  prompt: "interview",
});
