import { fold } from "./normalize.js";

/** Folded words of a text, for phrase matching: letters and digits, everything else a boundary. */
export function phraseWords(text: string): string[] {
  return fold(text)
    .replace(/([a-z])(\d)/g, "$1 $2")
    .split(/[^\p{L}\p{N}€&]+/u)
    .filter(Boolean);
}

/**
 * Finds whole-word phrases in a text in time linear in the text: phrases are
 * keyed by their first word, so each word of the text looks at only the few
 * phrases that start with it. With `prefix`, a phrase's last word may be the
 * beginning of a longer word ("onderhandel" in "onderhandelingen").
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  private readonly prefixes: { words: string[]; value: T }[] = [];

  constructor(
    entries: Iterable<[phrase: string, value: T]>,
    private readonly prefix = false,
  ) {
    for (const [phrase, value] of entries) {
      const words = phraseWords(phrase);
      if (!words.length) continue;
      if (prefix) this.prefixes.push({ words, value });
      else {
        const list = this.byFirst.get(words[0]!) ?? [];
        list.push({ words, value });
        this.byFirst.set(words[0]!, list);
      }
    }
    // Prefix phrases are few (cues): index them by their first three letters.
    if (prefix) for (const entry of this.prefixes) this.addPrefix(entry);
  }

  private readonly byStart = new Map<string, { words: string[]; value: T }[]>();
  private addPrefix(entry: { words: string[]; value: T }): void {
    const key = entry.words[0]!.slice(0, 3);
    const list = this.byStart.get(key) ?? [];
    list.push(entry);
    this.byStart.set(key, list);
  }

  /** Every match, with the phrase's word count and position, in text order. */
  matches(text: string | string[]): { value: T; at: number; length: number }[] {
    const words = typeof text === "string" ? phraseWords(text) : text;
    const out: { value: T; at: number; length: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const candidates = this.prefix ? this.byStart.get(word.slice(0, 3)) : this.byFirst.get(word);
      if (!candidates) continue;
      for (const candidate of candidates) {
        const n = candidate.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let j = 0; j < n && ok; j++) {
          const want = candidate.words[j]!;
          const got = words[i + j]!;
          ok = this.prefix && j === n - 1 ? got.startsWith(want) : got === want;
        }
        if (ok) out.push({ value: candidate.value, at: i, length: n });
      }
    }
    return out;
  }

  /** The distinct values found. */
  find(text: string | string[]): T[] {
    return [...new Set(this.matches(text).map((m) => m.value))];
  }

  has(text: string | string[]): boolean {
    return this.matches(text).length > 0;
  }
}
