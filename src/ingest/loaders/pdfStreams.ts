import { createInflate, constants } from "node:zlib";
import { UnreadableDocumentError } from "./errors.js";

/**
 * pdf.js inflates a content stream whole and has no limit on how large it
 * grows: an 800 KB file can hold a stream that inflates to gigabytes. Before
 * pdf.js sees a file, every Flate-compressed stream is inflated once here,
 * counting bytes and keeping none, and the document is refused when the
 * streams together inflate past the budget.
 */

const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");
/** How far back from `stream` the stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** The filters named in a stream dictionary, in order (`/Filter /FlateDecode` or `/Filter [/A85 /Fl]`). */
export function streamFilters(dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  if (!match) return [];
  return [...match[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]!);
}

/** Where each stream's data starts and ends, and its filters; one pass over the file. */
export function* pdfStreams(bytes: Buffer): Generator<{ start: number; end: number; filters: string[] }> {
  let from = 0;
  for (;;) {
    const at = bytes.indexOf(STREAM, from);
    if (at < 0) return;
    from = at + STREAM.length;
    // "endstream" contains "stream"; only a keyword after a dictionary starts data.
    if (at >= 3 && bytes.toString("latin1", at - 3, at) === "end") continue;
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a && bytes[start - 1] !== 0x0d) continue;
    if (bytes[start] === 0x0a) start++;
    const dictionary = bytes.toString("latin1", Math.max(0, at - DICTIONARY_WINDOW), at);
    const open = dictionary.lastIndexOf(" obj");
    const own = open >= 0 ? dictionary.slice(open) : dictionary;
    if (!/>>\s*$/.test(own)) continue;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(own);
    let end = length ? start + Number(length[1]) : -1;
    if (end < start || end > bytes.length || bytes.indexOf(END_STREAM, end) - end > 16) end = bytes.indexOf(END_STREAM, start);
    if (end < 0) end = bytes.length;
    yield { start, end, filters: streamFilters(own) };
    from = end;
  }
}

const FLATE = new Set(["FlateDecode", "Fl"]);

/** Inflates `data` through `layers` Flate decoders, counting the output; stops as soon as it passes `budget`. */
function inflatedSize(data: Buffer, layers: number, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflaters = Array.from({ length: layers }, () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH }));
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      for (const inflater of inflaters) inflater.destroy();
      resolve(size);
    };
    for (let i = 0; i + 1 < inflaters.length; i++) inflaters[i]!.pipe(inflaters[i + 1]!);
    const last = inflaters.at(-1)!;
    last.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) finish();
    });
    last.on("end", finish);
    // A damaged stream is pdf.js's to judge; what inflated so far still counts.
    for (const inflater of inflaters) inflater.on("error", finish);
    inflaters[0]!.end(data);
  });
}

/** Throws when the file's Flate streams together inflate to more than `maxDecodedBytes`. */
export async function checkPdfDecodedSize(file: string, bytes: Buffer, maxDecodedBytes: number): Promise<void> {
  let total = 0;
  for (const { start, end, filters } of pdfStreams(bytes)) {
    // Only leading Flate layers are inflated here; other filters (DCT images, ASCII85) pdf.js decodes as they are.
    let layers = 0;
    while (layers < filters.length && FLATE.has(filters[layers]!)) layers++;
    if (!layers) {
      total += end - start;
    } else {
      total += await inflatedSize(bytes.subarray(start, end), layers, maxDecodedBytes - total);
    }
    if (total > maxDecodedBytes)
      throw new UnreadableDocumentError(file, `streams inflate to more than ${mib(maxDecodedBytes)} (a decompression bomb?); not read`);
  }
}
