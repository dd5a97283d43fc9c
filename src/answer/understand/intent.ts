import type { Intent } from "../answer.js";
import { fold } from "../../text/normalize.js";
import type { LevelMention } from "./entities.js";

const PATTERNS: { intent: Exclude<Intent, "general" | "unknown">; pattern: RegExp }[] = [
  { intent: "interview", pattern: /toetsvra|sollicitatie|interview|selectievra|star[- ]?(vragen|methode|questions)?\b|vragen (stellen|kan ik stellen)|questions (to ask|for)|assessment question|recruit/ },
  { intent: "development", pattern: /ontwikkeltip|ontwikkelingstip|\btips?\b|beter worden|beter in|verbeteren in|(get|become|getting) better|improve|develop(ing)? (my|me)|oefenen|training|cursus|course/ },
  { intent: "career", pattern: /doorgroei|groeien|loopbaan|carri[eè]re|career|promotie|promotion|\bgrow|next level|volgende (schaal|niveau)|wat verandert|what changes|verschil(len)? tussen|difference|differ|van (schaal )?\d+ naar|from (scale |schaal )?\d+ to|nodig om .* te (worden|groeien)|need to (move|get|grow)/ },
  { intent: "scale", pattern: /schaal|schalen|salarisschaal|loonschaal|barema|inschal|functieklasse|\bniveau|\bscale|\bgrade|\blevel|typering|ingedeeld|classif/ },
  { intent: "competency", pattern: /competentie|competenc|gedragsindicator|indicator|behaviou?r|wat (houdt|betekent|is) .*in\b|what (does|is) .* mean|vaardighe|skills?/ },
];

/** Questions that ask for money amounts, conversions or other things job documents do not hold. */
export const SALARY_AMOUNT = /\beuro|€|\bsalaris(bedrag)?\b|hoeveel (verdien|krijg|betaal)|\bverdien\w*|\bearns?\b|\bearning|how much|\bpay\b|brutoloon|nettoloon|bruto|netto|maandloon|salary (amount|range)?|wage|pensioen|pension|vakantiedagen|holiday|leave days|bonus|thuiswerkvergoeding/;
export const CONVERSION = /(komt overeen|gelijk aan|equivalent|equals?|correspond|omreken|convert|vergelijkbaar met|staat gelijk)/;

/**
 * The intent from the question's own words. When several match, the more
 * specific wins (interview questions about a scale are still interview).
 */
export function detectIntent(question: string, levels: LevelMention[], hasCompetency: boolean): { intent: Intent; explicit: boolean } {
  const text = fold(question);
  const matches = PATTERNS.filter(({ pattern }) => pattern.test(text)).map((p) => p.intent);
  if (matches.includes("career") && (levels.length >= 2 || !matches.includes("interview"))) return { intent: "career", explicit: true };
  if (levels.filter((l) => l.kind === "scale").length >= 2 && !matches.includes("interview")) return { intent: "career", explicit: true };
  if (matches.includes("interview")) return { intent: "interview", explicit: true };
  if (matches.includes("development") && hasCompetency) return { intent: "development", explicit: true };
  if (matches.includes("competency") && hasCompetency) return { intent: "competency", explicit: true };
  if (matches.includes("scale")) return { intent: "scale", explicit: true };
  if (matches.includes("development")) return { intent: "development", explicit: true };
  if (matches.includes("competency")) return { intent: "competency", explicit: true };
  if (hasCompetency) return { intent: "competency", explicit: false };
  return { intent: "general", explicit: false };
}
