/**
 * Dutch writes compounds as one word ("servicedeskmedewerker") where a
 * question may split them, and the other way round. Splits a word into known
 * vocabulary words (each at least 4 letters, with the linking "s" or "e(n)"
 * allowed between them), preferring the fewest parts.
 */
export class CompoundSplitter {
  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly minPart = 4,
  ) {}

  split(word: string): string[] | undefined {
    if (word.length < this.minPart * 2) return undefined;
    const best = this.search(word, 0, 0);
    return best && best.length > 1 ? best : undefined;
  }

  private search(word: string, start: number, depth: number): string[] | undefined {
    if (start === word.length) return [];
    if (depth > 3) return undefined;
    let best: string[] | undefined;
    for (let end = word.length; end - start >= this.minPart; end--) {
      const part = word.slice(start, end);
      if (!this.vocabulary.has(part)) continue;
      for (const link of ["", "s", "e", "en"]) {
        if (link && !word.startsWith(link, end)) continue;
        const rest = this.search(word, end + link.length, depth + 1);
        if (rest && (!best || rest.length + 1 < best.length)) best = [part, ...rest];
      }
      if (best && best.length <= 2) return best;
    }
    return best;
  }
}
