import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { Chunk } from "../domain/chunk.js";
import type { ParsedDocument } from "../domain/document.js";

const MAX_CHARS = 1600;
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1200, chunkOverlap: 150, separators: ["\n\n", "\n- ", "\n", ". ", " "] });

/**
 * One chunk per section (a competency's list, a level typing, a result area);
 * long or unstructured sections are cut by the recursive splitter, each piece
 * keeping its section's citation.
 */
export async function chunkDocument(doc: ParsedDocument): Promise<Omit<Chunk, "id">[]> {
  const chunks: Omit<Chunk, "id">[] = [];
  for (const section of doc.sections) {
    const pieces = section.text.length > MAX_CHARS ? await splitter.splitText(section.text) : [section.text];
    for (const text of pieces) {
      chunks.push({
        sectionId: section.id,
        source: section.source,
        title: doc.meta.title,
        system: doc.meta.system,
        path: section.path,
        kind: section.kind,
        text,
        level: section.level,
        competency: section.competency,
        ...(section.role ? { role: section.role } : {}),
      });
    }
  }
  return chunks;
}
