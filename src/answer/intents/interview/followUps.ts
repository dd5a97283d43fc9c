import { followUps } from "../../compose/followUps.js";

/** After interview questions: how to grow in that competency, and what it looks like. */
export const INTERVIEW_FOLLOW_UPS = followUps("interview", [
  { needs: ["competency"], nl: "Geef ontwikkeltips voor {competency}", en: "Give development tips for {competency}" },
  { needs: ["competency"], nl: "Wat zijn de gedragsindicatoren van {competency}?", en: "What are the behaviour indicators of {competency}?" },
]);
