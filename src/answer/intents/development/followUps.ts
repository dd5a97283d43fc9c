import { followUps } from "../../compose/followUps.js";

/** After development tips: interview questions for the same competency. */
export const DEVELOPMENT_FOLLOW_UPS = followUps("development", [
  { needs: ["competency"], nl: "Geef toetsvragen voor {competency}", en: "Give interview questions for {competency}" },
]);
