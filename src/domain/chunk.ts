import type { Section } from "./document.js";

/** The unit of retrieval: a section (or a piece of a long one) with its citation. */
export type Chunk = Pick<Section, "source" | "path" | "kind" | "text" | "level" | "competency" | "role"> & {
  /** Index position; stable within one built index. */
  id: number;
  sectionId: string;
  /** The document's title and system, carried so a hit cites without a lookup. */
  title: string;
  system: string;
};

/** What is embedded and indexed lexically: the document title and heading path give a chunk its context. */
export function chunkContext(chunk: Pick<Chunk, "title" | "path" | "text">): string {
  return `${chunk.title}\n${chunk.path.join(" > ")}\n${chunk.text}`;
}

export function citationSection(chunk: Pick<Chunk, "path">): string {
  return chunk.path.join(" › ");
}
