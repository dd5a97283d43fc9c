import { composeCatalogue } from "./compose.js";
import { defineIntent } from "../intent.js";

/** "Welke functies staan er in de documenten?": roles, systems or competencies in the corpus. */
export const catalogue = defineIntent({
  id: "catalogue",
  detect: (plan) => {
    if (!plan.signals.catalogue) return 0;
    if (plan.roles.length || plan.competencyMatch?.how === "name" || plan.levels.length) return 0.3;
    // "Welke schalen staan er bij het Rijk voor …": a scale question within one system.
    return plan.signals.scale && plan.systems.length && !plan.signals.catalogueRoles ? 0.5 : 0.9;
  },
  compose: composeCatalogue,
});
