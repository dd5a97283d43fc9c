import type { LevelRef, SectionKind } from "./document.js";

/** The unit of retrieval: a section (or a piece of a long one) with its citation. */
export type Chunk = {
  /** Index position; stable within one built index. */
  id: number;
  sectionId: string;
  source: string;
  title: string;
  system: string;
  path: string[];
  kind: SectionKind;
  text: string;
  level?: LevelRef;
  competency?: string;
  /** The role the chunk's section is about, when its document lists several (see Section.role). */
  role?: string;
};

/** What is embedded and indexed lexically: the document title and heading path give a chunk its context. */
export function chunkContext(chunk: Pick<Chunk, "title" | "path" | "text">): string {
  return `${chunk.title}\n${chunk.path.join(" > ")}\n${chunk.text}`;
}

export function citationSection(chunk: Pick<Chunk, "path">): string {
  return chunk.path.join(" › ");
}
