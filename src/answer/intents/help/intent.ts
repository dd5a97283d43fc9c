import { composeHelp } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "help", "wat kun je?", "hallo": what the assistant can do, with examples from the corpus. */
export const help = defineIntent({
  id: "help",
  detect: (plan) => (plan.conversational === "help" || plan.conversational === "greeting" ? 1 : 0),
  compose: (context) => composeHelp(context, context.u.conversational === "greeting"),
});
