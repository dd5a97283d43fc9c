import type { Language } from "../../../domain/answer.js";
import type { KnowledgeBase } from "../../../search/knowledgeBase.js";
import { say, type ComposeContext, type Draft } from "../../compose/draft.js";

/** Questions the loaded documents can answer, made from them: a role with levels, a competency with questions, two typed levels, tips. */
export function exampleQuestions(kb: KnowledgeBase, lang: Language): string[] {
  const out: string[] = [];
  const withLevels = kb.documents.find((d) => d.jobLevels.length);
  if (withLevels) out.push(say(lang, `Welke schaal past bij ${withLevels.title}?`, `Which scale fits ${withLevels.title}?`));
  const withQuestions = kb.findCompetency((c) => c.questions.length);
  if (withQuestions)
    out.push(say(lang, `Geef toetsvragen voor ${withQuestions.name.toLowerCase()}`, `Give interview questions for ${withQuestions.name.toLowerCase()}`));
  const withTwoLevels = kb.documents.find((d) => kb.levelsOf(d.source).filter((l) => Object.keys(l.aspects).length).length >= 2);
  if (withTwoLevels) {
    const [a, b] = kb
      .levelsOf(withTwoLevels.source)
      .filter((l) => Object.keys(l.aspects).length)
      .sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
    out.push(
      say(
        lang,
        `Wat verandert er van ${a!.label.toLowerCase()} naar ${b!.label.toLowerCase()}?`,
        `What changes from ${a!.label.toLowerCase()} to ${b!.label.toLowerCase()}?`,
      ),
    );
  }
  const withTips = kb.findCompetency((c) => c.tips.length && c.name !== withQuestions?.name) ?? kb.findCompetency((c) => c.tips.length);
  if (withTips) out.push(say(lang, `Hoe word ik beter in ${withTips.name.toLowerCase()}?`, `How do I get better at ${withTips.name.toLowerCase()}?`));
  return out;
}

/**
 * What the assistant can do, with examples taken from the documents actually
 * loaded, so every example works. A greeting gets the same, shorter.
 */
export function composeHelp({ u, kb }: ComposeContext, greeting: boolean): Draft {
  const lang = u.language;
  const examples = exampleQuestions(kb, lang).map((text) => ({ text }));
  const intro = greeting
    ? say(
        lang,
        "Hallo! Ik beantwoord vragen over de functiebeschrijvingen van je organisatie, met bronvermelding.",
        "Hello! I answer questions about your organisation's job descriptions, with sources.",
      )
    : say(
        lang,
        `Ik beantwoord vragen uit ${kb.documents.length} functiebeschrijvingen, altijd met de bron erbij:\n\n- **schalen en niveaus**: welke schaal past bij een functie of bij werk dat je beschrijft\n- **loopbaan**: wat verandert er tussen twee niveaus\n- **competenties**: gedragsindicatoren, toetsvragen voor sollicitatiegesprekken en ontwikkeltips\n- **vergelijken**: twee functies of twee niveaus naast elkaar\n- **gegevens**: afdeling, opleiding, ervaring, beoordelaars\n- **overzicht**: welke functies, systemen en competenties er zijn\n\nZeg "meer" om een lijst verder te zien, "waarom?" voor de onderbouwing, of kies een van de voorgestelde vragen.`,
        `I answer questions from ${kb.documents.length} job descriptions, always with the source:\n\n- **scales and levels**: which scale fits a job or the work you describe\n- **career**: what changes between two levels\n- **competencies**: behaviour indicators, interview questions and development tips\n- **compare**: two jobs or two levels side by side\n- **facts**: department, education, experience, evaluators\n- **overview**: which jobs, systems and competencies there are\n\nSay "more" to continue a list, "why?" for the evidence, or pick one of the suggested questions.`,
      );
  const list = examples.map((e) => `- _${e.text}_`).join("\n");
  return {
    intent: "help",
    answered: true,
    answer: `${intro}\n\n${say(lang, "Bijvoorbeeld:", "For example:")}\n${list}`,
    // Examples, not claims: nothing to cite.
    citations: [],
    followUps: examples.map((e) => e.text).slice(0, 3),
  };
}
