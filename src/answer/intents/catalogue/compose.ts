import { cite, listWithMore, say, type ComposeContext, type Draft } from "../../compose/draft.js";

const SHOWN = 12;

/**
 * What is in the documents: the roles (with their system and levels), the
 * classification systems, or the competencies, as the question asks. Every
 * line is cited to the document it comes from.
 */
export function composeCatalogue({ u, kb }: ComposeContext): Draft {
  const lang = u.language;
  const expansions: NonNullable<Draft["expansions"]> = [];
  const kinds = kb.vocabulary.askedKinds(u.question);
  const wantsCompetencies = Boolean(u.signals.competency) || kinds.has("competency");
  const wantsSystems = !wantsCompetencies && (kinds.has("level") || Boolean(u.signals.scale));
  const docs = u.systems.length ? kb.documents.filter((d) => u.systems.includes(d.system)) : kb.documents;

  if (wantsCompetencies) {
    const index = kb.competencyNames;
    const keys = index.keys().sort((a, b) => index.factsOf(b).length - index.factsOf(a).length || a.localeCompare(b));
    const items = keys.map((key) => {
      const facts = index.factsOf(key);
      const where = [...new Set(facts.map((f) => kb.document(f.source)?.title ?? f.source))];
      return `**${index.names.get(key)}** (${where.slice(0, 3).join("; ")}${where.length > 3 ? ` +${where.length - 3}` : ""})`;
    });
    const citations = keys.slice(0, 4).map((key) => {
      const fact = index.factsOf(key)[0]!;
      return cite(fact.source, fact.path, fact.name);
    });
    return {
      intent: "catalogue",
      answered: items.length > 0,
      answer: `${say(lang, `**${items.length} competenties** in de documenten:`, `**${items.length} competencies** in the documents:`)}\n\n${listWithMore(items, SHOWN, lang, false, expansions)}`,
      citations,
      followUps: keys[0]
        ? [
            say(
              lang,
              `Geef toetsvragen voor ${index.names.get(keys[0])!.toLowerCase()}`,
              `Give interview questions for ${index.names.get(keys[0])!.toLowerCase()}`,
            ),
          ]
        : [],
      expansions,
    };
  }

  if (wantsSystems) {
    const systems = [...new Set(docs.map((d) => d.system))];
    const items = systems.map((id) => {
      const inSystem = docs.filter((d) => d.system === id);
      const levels = [...new Map(inSystem.flatMap((d) => d.jobLevels).map((l) => [l.label, l])).values()]
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((l) => l.label);
      return `**${kb.vocabulary.systems.system(id).name}**: ${levels.length ? levels.join(", ") : say(lang, "geen niveaus vermeld", "no levels stated")} (${inSystem.map((d) => d.title).join("; ")})`;
    });
    return {
      intent: "catalogue",
      answered: items.length > 0,
      answer: `${say(lang, "**Functiewaarderingssystemen en niveaus** in de documenten (ze worden niet in elkaar omgerekend):", "**Job classification systems and levels** in the documents (they are not converted into each other):")}\n\n${listWithMore(items, SHOWN, lang, false, expansions)}`,
      citations: docs
        .filter((d) => d.jobLevels.length)
        .slice(0, 4)
        .map((d) => levelCitation(u, kb, d.source)),
      followUps: docs[0] ? [say(lang, `Welke schaal past bij ${docs[0].title}?`, `Which scale fits ${docs[0].title}?`)] : [],
      expansions,
    };
  }

  const items = docs.map(
    (d) => `**${d.title}** (${kb.vocabulary.systems.system(d.system).name}${d.jobLevels.length ? `: ${d.jobLevels.map((l) => l.label).join(", ")}` : ""})`,
  );
  return {
    intent: "catalogue",
    answered: items.length > 0,
    answer: `${say(lang, `**${items.length} functies en documenten**:`, `**${items.length} jobs and documents**:`)}\n\n${listWithMore(items, SHOWN, lang, false, expansions)}`,
    citations: docs.slice(0, 4).map((d) => levelCitation(u, kb, d.source)),
    followUps: docs.slice(0, 2).map((d) => say(lang, `Welke schaal past bij ${d.title}?`, `Which scale fits ${d.title}?`)),
    expansions,
  };
}

function levelCitation(_u: ComposeContext["u"], kb: ComposeContext["kb"], source: string) {
  const doc = kb.document(source)!;
  const chunk = kb.chunksOf(source).find((c) => c.kind === "level" || c.kind === "placement") ?? kb.chunksOf(source)[0];
  return cite(source, chunk?.path ?? ["Document"], doc.jobLevels.map((l) => l.label).join(", ") || doc.title);
}
