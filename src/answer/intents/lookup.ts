import { composeLookup } from "../compose/lookup.js";
import { defineIntent } from "./intent.js";

/** "Wie beoordeelt …?", "welke opleiding …?": label/value facts of a profile. */
export const lookup = defineIntent({
  id: "lookup",
  detect: (plan) => {
    if (!plan.fields.length) return 0;
    if (plan.workDescription || plan.signals.choosesLevel) return 0.4;
    return plan.signals.lookup ? 0.8 : plan.signals.interview || plan.signals.development ? 0.3 : 0.5;
  },
  compose: composeLookup,
});
