import { fold } from "./normalize.js";
import { stem } from "./stem.js";

const STOPWORDS = new Set(
  (
    "de het een en of van in op te voor met aan bij om als door naar over uit tot dat die dit deze er is zijn wordt worden " +
    "je jij jouw u uw ik mij me mijn we wij ons onze hij zij ze haar hem hun wat wie welk welke waar hoe waarom wanneer " +
    "ook nog al dan wel niet geen maar zo zou kan kun kunnen moet moeten mag heb hebt heeft hebben was waren ben bent " +
    "the a an and or of in on to for with at by from as is are be was were this that these those it its do does did " +
    "i me my we our you your he she they them what which who whom how why when where can could should would will " +
    "give me please tell about geef graag eens even"
  ).split(" "),
);

/** Folded words and numbers; letters and digits glued together are split ("schaal6" → "schaal", "6"). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((word) => !STOPWORDS.has(word))
    .map(stem);
}
