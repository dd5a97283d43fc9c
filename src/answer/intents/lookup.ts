import { composeLookup } from "../compose/lookup.js";
import { defineIntent } from "./intent.js";

/** "Wie beoordeelt …?", "welke opleiding …?": label/value facts of a profile. */
export const lookup = defineIntent({
  id: "lookup",
  detect: (plan) => (!plan.fields.length ? 0 : plan.signals.lookup ? 0.8 : plan.signals.interview || plan.signals.development ? 0.3 : 0.5),
  compose: composeLookup,
});
