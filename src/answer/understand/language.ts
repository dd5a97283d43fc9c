import type { Language } from "../answer.js";
import { words } from "../../text/tokenize.js";

const EN = new Set("the what which who how why when where is are do does can could should give me my for and to of with from about fits fit scale scales questions question interview tips improve better get grow need needs job role level levels difference between changes change competency competencies skills please show list".split(" "));
const NL = new Set("de het een wat welke wie hoe waarom wanneer waar is zijn doe kan kun moet geef mij me mijn voor en naar van met over past passen schaal schalen vragen vraag tips verbeteren beter worden groeien nodig functie niveau verschil tussen verandert competentie competenties toon lijst graag bij hoort horen er ik je jij".split(" "));

/** Dutch or English, by the function words a question uses; Dutch wins a tie (the documents are Dutch). */
export function detectLanguage(question: string): Language {
  let en = 0;
  let nl = 0;
  for (const word of words(question)) {
    if (EN.has(word)) en++;
    if (NL.has(word)) nl++;
  }
  return en > nl ? "en" : "nl";
}
