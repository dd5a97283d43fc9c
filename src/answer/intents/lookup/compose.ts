import type { LabelledFact } from "../../../domain/document.js";
import { cite, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { LOOKUP_FOLLOW_UPS } from "./followUps.js";
import { candidateSources } from "../../compose/sources.js";
import { refuse } from "../../compose/refusal.js";
import { composeGeneral } from "../general/compose.js";
import { fold } from "../../../text/normalize.js";

/**
 * Label/value facts a profile states: who evaluates, statuut, department,
 * education, experience, hours. From the named (or previous, or best-matching)
 * document only; never another document's facts.
 */
export function composeLookup({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  const fields = u.fields;
  const sources = candidateSources(u, kb, hits, (s) => (kb.document(s)?.facts ?? []).some((f) => f.field && fields.includes(f.field)));
  const target = u.roles[0] ?? (u.followUp ? u.previousSources[0] : undefined);
  const source = target && kb.document(target) ? target : sources[0];
  const facts: LabelledFact[] = source ? (kb.document(source)?.facts ?? []).filter((f) => f.field && fields.includes(f.field)) : [];
  if (source && !facts.length) {
    // No label/value fact: a section of that document that speaks of it (a table row, a paragraph).
    const labels = fields.flatMap((id) => kb.vocabulary.fieldById(id)?.labels ?? []).map(fold);
    const speaks = (text: string) => labels.some((label) => fold(text).includes(label));
    const own = kb
      .chunksOf(source)
      .filter((chunk) => speaks(`${chunk.path.join(" ")} ${chunk.text}`))
      .sort(
        (a, b) =>
          Number(b.kind === "knowledge" || b.kind === "placement") - Number(a.kind === "knowledge" || a.kind === "placement") ||
          Number(speaks(b.path.join(" "))) - Number(speaks(a.path.join(" "))),
      )
      .map((chunk) => ({ chunk, score: 1 }));
    if (own.length) return { ...composeGeneral({ u, kb, hits: own }), intent: "lookup" };
  }
  if (!source || !facts.length) {
    const names = fields
      .map((id) => kb.vocabulary.fieldById(id))
      .map((f) => (f ? say(lang, f.nl, f.en) : ""))
      .filter(Boolean)
      .join(", ");
    const where = source ? say(lang, ` in _${titleOf(kb, source)}_`, ` in _${titleOf(kb, source)}_`) : "";
    return refuse(u, kb, say(lang, `De documenten noemen geen ${names}${where}.`, `The documents do not state the ${names}${where}.`));
  }
  const title = titleOf(kb, source);
  const lines = facts.map((f) => `- **${f.label}**: ${f.value}`);
  return {
    intent: "lookup",
    answered: true,
    answer: `${say(lang, `Volgens _${title}_:`, `According to _${title}_ (quoted in Dutch):`)}\n\n${lines.join("\n")}`,
    citations: [...new Map(facts.map((f) => [f.path.join(" › "), cite(source, f.path.length ? f.path : ["Document"], `${f.label}: ${f.value}`)])).values()],
    followUps: suggestFollowUps(lang, LOOKUP_FOLLOW_UPS, { role: title }),
  };
}
