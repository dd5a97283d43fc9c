import type { KnowledgeBase } from "../../../search/knowledgeBase.js";
import type { Citation } from "../../../domain/answer.js";
import { composeCareer } from "../career/compose.js";
import { cite, say, shorten, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { bestLines, ownStems, queryStems } from "../../compose/relevance.js";
import { refuse } from "../../compose/refusal.js";

/** One role's profile in a comparison: system, levels, purpose, competencies, key facts. */
function profile(kb: KnowledgeBase, source: string, u: ComposeContext["u"], citations: Citation[]): string {
  const doc = kb.document(source)!;
  const lang = u.language;
  const lines: string[] = [];
  const typed = kb.levelsOf(source).filter((l) => Object.keys(l.aspects).length);
  if (typed.length > 1) {
    // Several typings (one function group): the typing whose lines fit the asked work best.
    const stems = queryStems(u.searchText, kb.vocabulary);
    const own = ownStems(u.searchText);
    const ranked = typed.map((level) => ({ level, line: bestLines(Object.values(level.aspects).flat(), stems, 1, own)[0] })).filter((r) => r.line);
    lines.push(`- ${say(lang, "Niveaus", "Levels")}: ${typed.map((l) => l.label).join(", ")}`);
    if (ranked[0])
      lines.push(`- ${say(lang, "Best passend bij de vraag", "Best fit for the question")}: **${ranked[0].level.label}** ("${shorten(ranked[0].line!, 140)}")`);
    citations.push(cite(source, (ranked[0]?.level ?? typed[0]!).path, ranked[0]?.line ?? typed[0]!.label));
  } else if (doc.jobLevels.length) {
    lines.push(`- ${say(lang, "Niveau", "Level")}: ${doc.jobLevels.map((l) => l.label).join(", ")}`);
    const chunk = kb.chunksOf(source).find((c) => c.kind === "level" || c.kind === "placement") ?? kb.chunksOf(source)[0];
    citations.push(cite(source, chunk?.path ?? ["Document"], doc.jobLevels.map((l) => l.label).join(", ")));
  }
  if (doc.purpose) lines.push(`- ${say(lang, "Doel", "Purpose")}: ${shorten(doc.purpose, 200)}`);
  const competencies = kb.competenciesOf(source).map((c) => c.name);
  if (competencies.length)
    lines.push(`- ${say(lang, "Competenties", "Competencies")}: ${competencies.slice(0, 8).join(", ")}${competencies.length > 8 ? " …" : ""}`);
  for (const fact of (doc.facts ?? []).filter((f) => f.field === "department" || f.field === "education" || f.field === "experience").slice(0, 3))
    lines.push(`- ${fact.label}: ${fact.value}`);
  return `**${doc.title}** (${kb.vocabulary.systems.system(doc.system).name})\n${lines.join("\n")}`;
}

/**
 * Side by side, never converted: two roles, two levels in one system (as a
 * step from the lower to the higher), or one role across systems.
 */
export async function composeCompare(context: ComposeContext): Promise<Draft> {
  const { u, kb } = context;
  const lang = u.language;
  if (u.levels.length >= 2 && u.roles.length < 2) return composeCareer(context, "compare");

  let sources = u.roles.slice(0, 3);
  if (u.systems.length >= 2) {
    // One role across systems: per named system, the document that fits the question best.
    const perSystem: string[] = [];
    for (const system of u.systems) {
      const named = u.roles.find((s) => kb.document(s)?.system === system);
      const hit = named ?? (await kb.searchPrepared(u.prepared, { k: 5, filter: { system } }))[0]?.chunk.source;
      if (hit && !perSystem.includes(hit)) perSystem.push(hit);
    }
    if (perSystem.length >= 2) sources = perSystem;
  }
  if (sources.length < 2 && u.followUp && u.previousSources[0] && sources[0] && sources[0] !== u.previousSources[0])
    sources = [u.previousSources[0], sources[0]];
  if (sources.length < 2) {
    return refuse(
      u,
      kb,
      say(
        lang,
        'Ik vind niet twee functies of niveaus in de documenten om te vergelijken. Noem beide, bijvoorbeeld: "vergelijk functie A en functie B".',
        'I can\'t find two jobs or levels in the documents to compare. Name both, for example: "compare job A and job B".',
      ),
    );
  }
  const citations: Citation[] = [];
  const parts = sources.map((source) => profile(kb, source, u, citations));
  const systems = new Set(sources.map((s) => kb.document(s)!.system));
  const note =
    systems.size > 1
      ? say(
          lang,
          "\n\n_Deze functies vallen onder verschillende functiewaarderingssystemen; de documenten rekenen die niet in elkaar om, dus de niveaus zijn niet rechtstreeks vergelijkbaar._",
          "\n\n_These jobs fall under different job classification systems; the documents do not convert between them, so the levels are not directly comparable._",
        )
      : "";
  return {
    intent: "compare",
    answered: true,
    answer: `${say(lang, "**Naast elkaar:**", "**Side by side:**")}\n\n${parts.join("\n\n")}${note}`,
    citations,
    followUps: sources
      .slice(0, 2)
      .map((s) =>
        say(lang, `Geef toetsvragen voor de competenties van ${titleOf(kb, s)}`, `Give interview questions for the competencies of ${titleOf(kb, s)}`),
      ),
  };
}
