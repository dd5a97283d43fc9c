import type { LevelFact } from "../../../domain/document.js";
import { nextLevel } from "../../../domain/systems/levels.js";
import { fold } from "../../../text/normalize.js";
import { terms } from "../../../text/tokenize.js";
import { cite, listWithMore, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { SCALE_FOLLOW_UPS } from "./followUps.js";

const PER_ASPECT = 6;

/** Aspects people ask for by other words ("what does … do" → results). */
const ASPECT_WORDS: [RegExp, RegExp][] = [
  [/\b(doe[nt]?|do|does|taken|tasks|werk|work|resultat\w*|results?)\b/, /resultat|omschrijving/],
  [/\b(kennis|knowledge|vaardighe\w*|skills?|kunnen|opleiding|education)\b/, /kennis|vaardighe|opleiding|ervaring/],
  [/\b(contact\w*|communica\w*)\b/, /contact/],
  [/\b(kader\w*|speelruimte|zelfstandig\w*|autonomy|independen\w*)\b/, /kader|speelruimte/],
];

/** The aspects of a typing the question asks about; all of the main ones when it names none. */
function askedAspects(level: LevelFact, question: string): string[] {
  const folded = fold(question);
  const names = Object.keys(level.aspects).filter((name) => !name.includes(":") && level.aspects[name]!.length);
  const stems = new Set(terms(question));
  const byName = names.filter((name) => terms(name).some((t) => t.length >= 4 && stems.has(t)));
  if (byName.length) return byName;
  const byWord = names.filter((name) => ASPECT_WORDS.some(([asked, aspect]) => asked.test(folded) && aspect.test(fold(name))));
  return byWord.length ? byWord : names.slice(0, 3);
}

/**
 * What one typed level says ("wat doet een medewerker in schaal 6?", "welke
 * kennis hoort bij schaal 8?"): the asked aspects of that typing, as listed.
 */
export function composeLevelDetail({ u, kb }: ComposeContext, sources: string[]): Draft | undefined {
  if (u.levels.length !== 1) return undefined;
  const mention = u.levels[0]!;
  const level = sources.flatMap((source) => kb.levelsOf(source).filter((l) => kb.vocabulary.systems.sameLevel(l, mention) && Object.keys(l.aspects).length))[0];
  if (!level) return undefined;
  const aspects = askedAspects(level, u.question);
  const lang = u.language;
  const expansions: NonNullable<Draft["expansions"]> = [];
  const blocks = aspects.map((name) => `**${name}**:\n${listWithMore(level.aspects[name]!, PER_ASPECT, lang, false, expansions)}`);
  const title = titleOf(kb, level.source);
  const system = kb.vocabulary.systems.system(level.system).name;
  const header = say(lang, `**${level.label}** in _${title}_ (${system}):`, `**${level.label}** in _${title}_ (${system}; quoted in Dutch):`);
  const higher = nextLevel(kb.levelsOf(level.source), level);
  return {
    intent: "scale",
    answered: true,
    answer: `${header}\n\n${blocks.join("\n\n")}`,
    citations: aspects.map((name) => cite(level.source, [...level.path], level.aspects[name]![0])).slice(0, 1),
    followUps: suggestFollowUps(lang, SCALE_FOLLOW_UPS, { level: level.label, nextLevel: higher?.label, role: title }),
    expansions,
  };
}
