import { z } from "zod";
import type { LexicalData } from "./lexicalIndex.js";

/**
 * The stored BM25 index (`lexical.bin` of a version folder), so start-up loads
 * the postings instead of re-reading every chunk:
 *
 *   u32 header length · header JSON (counts, terms, words) · padding to 4 bytes ·
 *   lengths u32[count] · offsets u32[terms+1] · maxParts f32[terms] · word counts u32[words] ·
 *   ids i32[postings] · tfs u16[postings]
 *
 * Numbers are little-endian (typed arrays in the machine's order; every platform Node ships for is
 * little-endian). The file is checksummed in the manifest like every other index file.
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

const align4 = (n: number) => (n + 3) & ~3;

export function lexicalDataToBuffer(data: LexicalData): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      format: LEXICAL_FILE_FORMAT,
      count: data.count,
      averageLength: data.averageLength,
      postings: data.ids.length,
      terms: data.terms,
      words: data.words,
    }),
    "utf8",
  );
  const arrays = [data.lengths, data.offsets, data.maxParts, data.wordCounts, data.ids, data.tfs];
  const out = Buffer.alloc(align4(4 + header.length) + arrays.reduce((sum, a) => sum + a.byteLength, 0));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = align4(4 + header.length);
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return out;
}

/** Reads a stored index; every size is checked against the header, so a short or padded file is an error, not garbage. */
export function lexicalDataFromBuffer(file: Buffer): LexicalData {
  if (file.length < 4) throw new Error("lexical index is truncated");
  const headerLength = file.readUInt32LE(0);
  if (4 + headerLength > file.length) throw new Error("lexical index is truncated");
  const header = HeaderSchema.parse(JSON.parse(file.toString("utf8", 4, 4 + headerLength)));
  const start = align4(4 + headerLength);
  const terms = header.terms.length;
  const sizes = [header.count * 4, (terms + 1) * 4, terms * 4, header.words.length * 4, header.postings * 4, header.postings * 2];
  if (start + sizes.reduce((a, b) => a + b, 0) !== file.length) throw new Error("lexical index size does not match its header");
  // Typed-array views need 4-byte alignment; a Buffer from a pool may start anywhere, so copy once if it does not.
  const bytes = (file.byteOffset & 3) === 0 ? file : Buffer.from(file);
  let at = bytes.byteOffset + start;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, size: number, width: number): T => {
    const view = make(bytes.buffer, at, size / width);
    at += size;
    return view;
  };
  const data: LexicalData = {
    count: header.count,
    averageLength: header.averageLength,
    terms: header.terms,
    words: header.words,
    lengths: take((b, o, n) => new Uint32Array(b, o, n), sizes[0]!, 4),
    offsets: take((b, o, n) => new Uint32Array(b, o, n), sizes[1]!, 4),
    maxParts: take((b, o, n) => new Float32Array(b, o, n), sizes[2]!, 4),
    wordCounts: take((b, o, n) => new Uint32Array(b, o, n), sizes[3]!, 4),
    ids: take((b, o, n) => new Int32Array(b, o, n), sizes[4]!, 4),
    tfs: take((b, o, n) => new Uint16Array(b, o, n), sizes[5]!, 2),
  };
  if (data.offsets[0] !== 0 || data.offsets[terms] !== header.postings) throw new Error("lexical index postings do not match its header");
  return data;
}
