/**
 * The layout of our binary index files (`lexical.bin`, `chunks.bin`,
 * `facts.bin`): a JSON header, then typed arrays one after another, so a
 * reader takes views on the one buffer instead of parsing:
 *
 *   u32 header length · header JSON · padding to 4 bytes · array · array · …
 *
 * Numbers are little-endian (typed arrays in the machine's order; every
 * platform Node ships for is little-endian). Arrays of 4-byte elements come
 * before 2- and 1-byte ones, so each starts aligned. Every size is checked
 * against what the reader expects, so a short or padded file is an error,
 * not garbage.
 */

type ArrayKind = "bytes" | "u8" | "u16" | "u32" | "i32" | "f32";
type ArrayOf<K extends ArrayKind> = {
  /** Raw bytes (JSON records, texts) as a Buffer view. */
  bytes: Buffer;
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
  f32: Float32Array;
}[K];

const WIDTH: Record<ArrayKind, number> = { bytes: 1, u8: 1, u16: 2, u32: 4, i32: 4, f32: 4 };
const MAKE: { [K in ArrayKind]: (buffer: ArrayBufferLike, offset: number, length: number) => ArrayOf<K> } = {
  bytes: (b, o, n) => Buffer.from(b, o, n),
  u8: (b, o, n) => new Uint8Array(b, o, n),
  u16: (b, o, n) => new Uint16Array(b, o, n),
  u32: (b, o, n) => new Uint32Array(b, o, n),
  i32: (b, o, n) => new Int32Array(b, o, n),
  f32: (b, o, n) => new Float32Array(b, o, n),
};

const align4 = (n: number) => (n + 3) & ~3;

/** Writes a header and the arrays (4-byte element types first). */
export function packBinary(header: unknown, arrays: ArrayBufferView[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const out = Buffer.alloc(align4(4 + json.length) + arrays.reduce((sum, a) => sum + a.byteLength, 0));
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = align4(4 + json.length);
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return out;
}

/** The header of a packed file, parsed (validate it before trusting it), and a reader for its arrays. */
export function unpackBinary(
  file: Buffer,
  what: string,
): { header: unknown; arrays: <K extends ArrayKind[]>(...spec: { [I in keyof K]: [K[I], number] }) => { [I in keyof K]: ArrayOf<K[I]> } } {
  if (file.length < 4) throw new Error(`${what} is truncated`);
  const headerLength = file.readUInt32LE(0);
  if (4 + headerLength > file.length) throw new Error(`${what} is truncated`);
  const header: unknown = JSON.parse(file.toString("utf8", 4, 4 + headerLength));
  const start = align4(4 + headerLength);
  // Typed-array views need aligned offsets; a Buffer from a pool may start anywhere, so copy once if it does not.
  const bytes = (file.byteOffset & 3) === 0 ? file : Buffer.from(file);
  const arrays = <K extends ArrayKind[]>(...spec: { [I in keyof K]: [K[I], number] }) => {
    const pairs = spec as [ArrayKind, number][];
    const total = pairs.reduce((sum, [kind, length]) => sum + WIDTH[kind] * length, 0);
    if (start + total !== bytes.length) throw new Error(`${what} size does not match its header`);
    let at = bytes.byteOffset + start;
    return pairs.map(([kind, length]) => {
      const view = MAKE[kind](bytes.buffer, at, length);
      at += WIDTH[kind] * length;
      return view;
    }) as { [I in keyof K]: ArrayOf<K[I]> };
  };
  return { header, arrays };
}

/**
 * Checks a read file's columns against its header: each column's values
 * index a table of the given size (−1, "none", passes in signed columns),
 * so a lookup never meets a hole.
 */
export function checkColumns(what: string, ...columns: [column: ArrayLike<number>, size: number][]): void {
  for (const [column, size] of columns) {
    for (let i = 0; i < column.length; i++) if (column[i]! >= size) throw new Error(`${what} columns do not match its header`);
  }
}

/** Checks record offsets: from `start` to `end`, never going back, so every record is a slice of the body. */
export function checkOffsets(what: string, offsets: ArrayLike<number>, start: number, end: number): void {
  let ok = offsets[0] === start && offsets[offsets.length - 1] === end;
  for (let i = 1; ok && i < offsets.length; i++) ok = offsets[i]! >= offsets[i - 1]!;
  if (!ok) throw new Error(`${what} offsets do not match its header`);
}

/** The ids (positions) per value of a column whose values are 0 … values − 1: a document's chunks or facts. */
export function idsByValue(column: ArrayLike<number>, values: number): number[][] {
  const lists = Array.from({ length: values }, () => [] as number[]);
  for (let id = 0; id < column.length; id++) lists[column[id]!]!.push(id);
  return lists;
}
