import { fold, squash } from "../../text/normalize.js";

const BULLET = /^\s*(?:[•·▪◦●\-*]|\d+[.)](?=\s))\s*/;

export function isBullet(line: string): boolean {
  return BULLET.test(line) && squash(line.replace(BULLET, "")).length > 0;
}

export function bulletText(line: string): string {
  return squash(line.replace(BULLET, ""));
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

/** Sentence-final characters: a bullet ending otherwise may continue on the next one. */
const ENDS_SENTENCE = /[.?!:;)"']$/;

/**
 * Collects list items from lines: bullets, plus continuation lines that belong
 * to the previous item (indented, or any non-bullet line after a bullet), and
 * bullets the export split in two ("... juist die" / "beslissing hebt
 * genomen?"). The latter are only rejoined in lists whose items normally end
 * a sentence, so lists of short phrases stay as they are.
 */
export function collectItems(lines: string[]): string[] {
  const items: { text: string; bullet: boolean }[] = [];
  for (const raw of lines) {
    if (isBlank(raw)) continue;
    const last = items[items.length - 1];
    if (isBullet(raw)) items.push({ text: bulletText(raw), bullet: true });
    else if (last && (/^\s{2,}\S/.test(raw) || /^[a-z(]/.test(raw.trim()))) last.text = `${last.text} ${squash(raw)}`;
    else items.push({ text: squash(raw), bullet: false });
  }
  const sentences = items.filter((item) => ENDS_SENTENCE.test(item.text)).length;
  if (items.length < 3 || sentences / items.length < 0.6) return items.map((item) => item.text);
  const joined: string[] = [];
  for (const item of items) {
    const previous = joined.length - 1;
    if (previous >= 0 && item.bullet && /^[a-z]/.test(item.text) && !ENDS_SENTENCE.test(joined[previous]!)) {
      joined[previous] = `${joined[previous]} ${item.text}`;
    } else joined.push(item.text);
  }
  return joined;
}

/** Drops repeated items (lists printed twice), keeping the first occurrence. */
export function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = fold(item).replace(/[^a-z0-9]+/g, "");
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Two sentences run together without a full stop inside one bullet
 * ("... toegepast worden Zoekt actief naar ..."): a lower-case word followed
 * by a capitalised Dutch verb form in the third person starts a new item.
 */
export function splitRunTogether(item: string): string[] {
  return item
    .split(/(?<=\b[a-z][a-z)]*) (?=[A-Z][a-z]{2,}t\b)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function asList(items: string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

/** Lines are "short labels" when they could be a heading: short, no final full stop. */
export function isLabelLine(line: string, maxLength = 60): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= maxLength && !isBullet(line) && !/[.,;]$/.test(text);
}
