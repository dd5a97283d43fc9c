import { followUps } from "../../compose/followUps.js";

/** After a step between levels: the role's scales. */
export const CAREER_FOLLOW_UPS = followUps("career", [
  { needs: ["nextLevel", "role"], nl: "Welke schaal past bij {role}?", en: "Which scale fits {role}?" },
  { needs: ["nextLevel"], unless: ["role"], nl: "Welke schaal past bij deze functie?", en: "Which scale fits this job?" },
]);
