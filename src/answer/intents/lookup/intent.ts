import { composeLookup } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "Wie beoordeelt …?", "welke opleiding …?": label/value facts of a profile. */
export const lookup = defineIntent({
  id: "lookup",
  detect: (plan) => {
    if (!plan.fields.length) return 0;
    if (plan.workDescription || plan.signals.choosesLevel) return 0.4;
    if (plan.signals.lookup) return 0.8;
    return plan.signals.interview || plan.signals.development || plan.signals.scale || plan.signals.competency ? 0.3 : 0.45;
  },
  compose: composeLookup,
});
