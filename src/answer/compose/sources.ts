import type { SectionKind } from "../../domain/document.js";
import type { KnowledgeBase, SearchHit } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/plan.js";

const TOP_HITS = 8;

/**
 * The documents a question is about, best first: documents it names, then
 * those among the top hits (narrowed to a named system, and to the previous
 * turn's documents for a follow-up), that pass `accept`. When the question
 * names a document, other documents never stand in for it.
 */
export function candidateSources(u: QueryPlan, kb: KnowledgeBase, hits: SearchHit[], accept: (source: string) => boolean = () => true): string[] {
  if (u.roles.length) {
    const named = u.roles.filter(accept);
    const inSystem = u.system ? named.filter((s) => kb.document(s)?.system === u.system) : named;
    if (inSystem.length) return inSystem;
  }
  let ordered = [...new Set(hits.slice(0, TOP_HITS).map((hit) => hit.chunk.source))];
  if (u.system) {
    const system = u.system;
    const found = ordered.filter((s) => kb.document(s)?.system === system);
    // Documents of the system the hits did not reach come after, a few at most: there may be thousands,
    // so the walk stops as soon as it has them.
    const more: string[] = [];
    for (const source of kb.sourcesInSystem(system)) {
      if (more.length >= TOP_HITS) break;
      if (!found.includes(source)) more.push(source);
    }
    ordered = [...found, ...more];
  }
  if (u.followUp && u.previousSources.length) {
    const previous = u.previousSources.filter((s) => kb.document(s));
    ordered = [...previous, ...ordered.filter((s) => !previous.includes(s))];
  }
  return ordered.filter(accept);
}

/** Hits reordered for the question: sections of the named documents and of the asked kind first. */
export function focusHits(u: QueryPlan, hits: SearchHit[]): SearchHit[] {
  const named = new Set(u.roles.length ? u.roles : u.followUp ? u.previousSources : []);
  const kinds = new Set<SectionKind>(u.prepared.kinds);
  const weight = (hit: SearchHit) => (named.size && named.has(hit.chunk.source) ? 2 : 0) + (kinds.has(hit.chunk.kind) ? 1 : 0);
  const focused = named.size ? hits.filter((hit) => named.has(hit.chunk.source)) : hits;
  return (focused.length ? focused : hits)
    .map((hit, i) => ({ hit, i }))
    .sort((a, b) => weight(b.hit) - weight(a.hit) || a.i - b.i)
    .map(({ hit }) => hit);
}
