import { composeGeneral } from "./compose.js";
import { defineIntent } from "../intent.js";

/** Anything else the documents speak to: their most relevant sections, quoted. */
export const general = defineIntent({
  id: "general",
  detect: () => 0.1,
  compose: composeGeneral,
});
