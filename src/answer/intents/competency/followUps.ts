import { followUps } from "../../compose/followUps.js";

/** After a competency's description: interview questions for it, and how to get better at it. */
export const COMPETENCY_FOLLOW_UPS = followUps("competency", [
  { needs: ["competency"], nl: "Geef toetsvragen voor {competency}", en: "Give interview questions for {competency}" },
  { needs: ["competency"], nl: "Hoe word ik beter in {competency}?", en: "How do I get better at {competency}?" },
]);
