/**
 * Character clean-up for exported HR documents: non-breaking and odd spaces,
 * acute accents used as apostrophes ("collega´s"), curly quotes, bullets in
 * several encodings, and the `~~` line-break markers of one export format.
 */
const REPLACEMENTS: [RegExp, string][] = [
  [/\r\n?/g, "\n"],
  [/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/g, " "],
  [/[\u200B-\u200D\uFEFF]/g, ""],
  [/[\u00B4\u2018\u2019\u201B\u0060]/g, "'"],
  [/[\u201C\u201D\u201E]/g, '"'],
  [/\u2026/g, "..."],
  [/[\u2013\u2014]/g, "-"],
  [/~~/g, " "],
];

/** Normalises characters but keeps the line structure (the parser needs it). */
export function normalizeText(text: string): string {
  let out = text.normalize("NFC");
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** Folds case and diacritics for matching: "Coördineren" → "coordineren". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Collapses runs of white space to single spaces and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
