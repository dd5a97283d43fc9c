import { fold } from "../../text/normalize.js";
import type { SalaryWords } from "../../vocabulary/salarySchema.js";
import type { SalaryPeriod } from "../../domain/salaryTable.js";

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a folded text holds a phrase as whole words. */
export function hasPhrase(folded: string, phrase: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(fold(phrase))}(?=$|[^\\p{L}\\p{N}])`, "u").test(folded);
}

/** The period the text names ("per maand", "uurloon"); undefined when it names none. */
export function periodIn(text: string, words: SalaryWords): SalaryPeriod | undefined {
  const folded = fold(text);
  for (const period of ["hour", "year", "month"] as const) if (words.periods[period].some((phrase) => hasPhrase(folded, phrase))) return period;
  return undefined;
}

/** The currency the text names by symbol or word; undefined when none. */
export function currencyIn(text: string, words: SalaryWords): string | undefined {
  const folded = fold(text);
  for (const [code, names] of Object.entries(words.currencies))
    if (names.some((name) => (/^\p{L}/u.test(name) ? hasPhrase(folded, name) : folded.includes(fold(name))))) return code;
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Dates as tables write them: 2025-01-01, 1-1-2025, 01/01/2025, 1 januari 2025, 1 jan. 2025. Bounded, linear patterns. */
const DATE = /(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{1,2})\s{1,3}(\p{L}{3,10})\.?\s{1,3}(\d{4})/gu;

/**
 * The date a table takes effect: the first date a validity phrase stands
 * just before ("geldig vanaf 1 januari 2025"), else the first date at all.
 */
export function validFromIn(text: string, words: SalaryWords): string | undefined {
  const folded = fold(text).slice(0, 20_000);
  let first: string | undefined;
  for (const match of folded.matchAll(DATE)) {
    const [, y1, m1, d1, d2, m2, y2, d3, monthName, y3] = match;
    const iso = y1
      ? isoDate(Number(y1), Number(m1), Number(d1))
      : y2
        ? isoDate(Number(y2), Number(m2), Number(d2))
        : words.months[monthName!] !== undefined
          ? isoDate(Number(y3), words.months[monthName!]!, Number(d3))
          : undefined;
    if (!iso) continue;
    const before = folded.slice(Math.max(0, match.index - 40), match.index);
    if (words.validFrom.some((phrase) => hasPhrase(before, phrase))) return iso;
    first ??= iso;
  }
  return first;
}
