import snowball from "snowball-stemmers";

const dutch = snowball.newStemmer("dutch");
const english = snowball.newStemmer("english");

const cache = new Map<string, string>();

/**
 * One stem for Dutch and English text alike: questions mix both languages, so
 * a word is stemmed by the Dutch stemmer and, if it looks English, the English
 * one too; the shorter stem wins so "negotiations"/"negotiate" and
 * "onderhandelen"/"onderhandeling" each meet their relatives.
 */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let result = word;
  // Numbers are not words: no stemmer changes them, and every document number would cost a stemmer call.
  if (word.length > 3 && !/^\d+$/.test(word)) {
    const nl = dutch.stem(word) as string;
    const en = english.stem(word) as string;
    result = en.length < nl.length && /(ing|ions?|ed|es|s|ly)$/.test(word) ? en : nl;
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(word, result);
  return result;
}
