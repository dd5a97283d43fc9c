/**
 * Text as the number check reads it: what a reader sees, not how it was
 * written. Markup that renders as nothing (HTML comments and tags), invisible
 * format characters (zero-width spaces, soft hyphens, bidi marks) are
 * removed; digits of every script (Arabic-Indic "١٤", Devanagari,
 * full-width) become ASCII digits; width, case and diacritics are folded.
 * One pass each, linear in the length of the text.
 */

/** An HTML tag: the class excludes "<" and ">", so a failed attempt ends at the next "<" and the scan stays linear. */
const TAG = /<\/?[a-z][^<>]*>/iy;

/** HTML comments and tags removed; an unclosed comment is kept as text (it is still checked). */
export function withoutMarkup(text: string): string {
  let out = "";
  let at = 0;
  for (let lt = text.indexOf("<"); lt >= 0; lt = text.indexOf("<", at)) {
    out += text.slice(at, lt);
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) {
        at = lt;
        break;
      }
      at = end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(text);
    if (tag) at = lt + tag[0].length;
    else {
      out += "<";
      at = lt + 1;
    }
  }
  return out + text.slice(at);
}

let digitValues: Map<number, number> | undefined;

/** Every Unicode decimal digit (general category Nd) and its value: runs of ten, zero first. */
function unicodeDigits(): Map<number, number> {
  if (digitValues) return digitValues;
  digitValues = new Map();
  const pieces: string[] = [];
  for (let from = 0x80; from <= 0x1ffff; from += 4096) {
    const block: number[] = [];
    for (let cp = from; cp < from + 4096 && cp <= 0x1ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) block.push(cp);
    pieces.push(String.fromCodePoint(...block));
  }
  const all = pieces.join("");
  for (const run of all.matchAll(/\p{Nd}+/gu)) {
    [...run[0]].forEach((digit, i) => digitValues!.set(digit.codePointAt(0)!, i % 10));
  }
  return digitValues;
}

/** "١٤", "१४", "١٤" → "14". */
export function asciiDigits(text: string): string {
  // ASCII digits are Nd too and stay as they are.
  return text.replace(/(?![0-9])\p{Nd}/gu, (ch) => {
    const digit = unicodeDigits().get(ch.codePointAt(0)!);
    return digit === undefined ? ch : String(digit);
  });
}

/** The whole normalisation: markup, format characters, digits, width, case, diacritics. */
export function numberText(text: string): string {
  return asciiDigits(
    withoutMarkup(text)
      .replace(/\p{Cf}+/gu, "")
      .normalize("NFKC"),
  )
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
