import { describe, expect, it } from "vitest";
import { suggestFollowUps } from "../../src/answer/compose/followUps.js";
import { CAREER_FOLLOW_UPS } from "../../src/answer/intents/career/followUps.js";
import { INTERVIEW_FOLLOW_UPS } from "../../src/answer/intents/interview/followUps.js";
import { SCALE_FOLLOW_UPS } from "../../src/answer/intents/scale/followUps.js";

/** Each intent's next questions come from its own folder; the shared fallbacks fill up to two or three. */
describe("follow-up suggestions", () => {
  it("fills an intent's templates only when the context has what they need, in the user's language", () => {
    expect(suggestFollowUps("nl", SCALE_FOLLOW_UPS, { level: "Schaal 6", nextLevel: "Schaal 7", role: "Medewerker ICT" })).toEqual([
      "Wat verandert er van schaal 6 naar schaal 7?",
      "Geef toetsvragen voor de competenties van Medewerker ICT",
    ]);
    // No next level: the scale's own suggestion does not apply, the fallbacks do.
    expect(suggestFollowUps("en", SCALE_FOLLOW_UPS, { level: "Scale 12", role: "Service level manager" })).toEqual([
      "Give interview questions for the competencies of Service level manager",
      "Which scale fits Service level manager?",
    ]);
    expect(suggestFollowUps("nl", CAREER_FOLLOW_UPS, { nextLevel: "Schaal 8" })[0]).toBe("Welke schaal past bij deze functie?");
    expect(suggestFollowUps("nl", CAREER_FOLLOW_UPS, { nextLevel: "Schaal 8", role: "Adviseur" })[0]).toBe("Welke schaal past bij Adviseur?");
  });

  it("never offers the role's interview questions after interview questions, and keeps at most three", () => {
    const after = suggestFollowUps("nl", INTERVIEW_FOLLOW_UPS, { competency: "Onderhandelen", role: "Accountmanager", otherCompetency: "Analyseren" });
    expect(after).toEqual(["Geef ontwikkeltips voor onderhandelen", "Wat zijn de gedragsindicatoren van onderhandelen?", "Geef toetsvragen voor analyseren"]);
    expect(after.some((s) => s.includes("competenties van"))).toBe(false);
  });
});
