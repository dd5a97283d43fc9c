import { followUps } from "../../compose/followUps.js";

/** After a scale: what changes on the way to the next one. */
export const SCALE_FOLLOW_UPS = followUps("scale", [
  { needs: ["level", "nextLevel"], nl: "Wat verandert er van {level} naar {nextLevel}?", en: "What changes from {level} to {nextLevel}?" },
]);
