import { z } from "zod";
import type { LexicalData } from "./lexicalIndex.js";
import { packBinary, unpackBinary } from "./binaryFile.js";

/**
 * The stored BM25 index (`lexical.bin` of a version folder), so start-up loads
 * the postings instead of re-reading every chunk. In the layout of binaryFile:
 * header (counts, terms, words) · lengths u32[count] · offsets u32[terms+1] ·
 * maxParts f32[terms] · word counts u32[words] · ids i32[postings] · tfs u16[postings].
 */
const LEXICAL_FILE_FORMAT = 1;

const HeaderSchema = z.object({
  format: z.literal(LEXICAL_FILE_FORMAT),
  count: z.number().int().nonnegative(),
  averageLength: z.number().nonnegative(),
  postings: z.number().int().nonnegative(),
  terms: z.array(z.string()),
  words: z.array(z.string()),
});

export function lexicalDataToBuffer(data: LexicalData): Buffer {
  const header = {
    format: LEXICAL_FILE_FORMAT,
    count: data.count,
    averageLength: data.averageLength,
    postings: data.ids.length,
    terms: data.terms,
    words: data.words,
  };
  return packBinary(header, [data.lengths, data.offsets, data.maxParts, data.wordCounts, data.ids, data.tfs]);
}

/** Reads a stored index; every size is checked against the header, so a short or padded file is an error, not garbage. */
export function lexicalDataFromBuffer(file: Buffer): LexicalData {
  const { header: raw, arrays } = unpackBinary(file, "lexical index");
  const header = HeaderSchema.parse(raw);
  const terms = header.terms.length;
  const [lengths, offsets, maxParts, wordCounts, ids, tfs] = arrays(
    ["u32", header.count],
    ["u32", terms + 1],
    ["f32", terms],
    ["u32", header.words.length],
    ["i32", header.postings],
    ["u16", header.postings],
  );
  if (offsets[0] !== 0 || offsets[terms] !== header.postings) throw new Error("lexical index postings do not match its header");
  return {
    count: header.count,
    averageLength: header.averageLength,
    terms: header.terms,
    words: header.words,
    lengths,
    offsets,
    maxParts,
    wordCounts,
    ids,
    tfs,
  };
}
