import { citeChunk, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { GENERAL_FOLLOW_UPS } from "./followUps.js";
import { bestLines, queryStems } from "../../compose/relevance.js";
import { focusHits } from "../../compose/sources.js";

const SECTIONS = 3;

/** The best sections, summarised extractively: their most relevant lines, with the section named. */
export function composeGeneral({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  const stems = queryStems(u.searchText, kb.vocabulary);
  const focused = focusHits(u, hits);
  // Other documents only when they hold the question's words as fully as the best section does.
  const coverage = (id: number) => kb.chunkCoverage(id, u.question, kb.vocabulary.questionWords);
  const top = focused[0];
  const best = top ? coverage(top.chunk.id) : 0;
  const chosen = focused.filter((hit) => hit.chunk.source === top?.chunk.source || coverage(hit.chunk.id) >= best).slice(0, SECTIONS);
  const parts = chosen.map((hit) => {
    const lines = hit.chunk.text
      .split("\n")
      .map((l) => l.replace(/^- /, ""))
      .filter((l) => l.length > 3);
    const best = bestLines(lines, stems, 3);
    const shown = (best.length ? best : lines.slice(0, 2)).map((l) => `- ${l}`).join("\n");
    return `**${hit.chunk.path[hit.chunk.path.length - 1] ?? ""}** (_${titleOf(kb, hit.chunk.source)}_)\n${shown}`;
  });
  const first = chosen[0]?.chunk;
  return {
    intent: "general",
    answered: true,
    answer: `${say(lang, "Dit zeggen de documenten:", "This is what the documents say (quoted in Dutch):")}\n\n${parts.join("\n\n")}`,
    citations: chosen.map((hit) => citeChunk(hit.chunk, bestLines(hit.chunk.text.split("\n"), stems, 1)[0])),
    followUps: suggestFollowUps(lang, GENERAL_FOLLOW_UPS, {
      role: first ? titleOf(kb, first.source) : undefined,
      otherCompetency: (first ? kb.competenciesOf(first.source) : []).find((c) => c.questions.length)?.name,
    }),
  };
}
