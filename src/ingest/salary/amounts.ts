import type { SalaryWords } from "../../vocabulary/salarySchema.js";
import { fold } from "../../text/normalize.js";

/**
 * An amount as a table writes it: "€ 3.012,00", "3.012", "3012.5" (Excel's
 * value), "EUR 3,012.00". The separator written last is the decimal one when
 * one or two digits follow it; a single separator followed by three digits
 * groups thousands. Undefined for anything that is not just an amount.
 */
export function parseAmount(cell: string, words: SalaryWords): number | undefined {
  let text = fold(cell).replace(/\s+/g, " ").trim();
  for (const names of Object.values(words.currencies)) for (const name of names) text = text.split(fold(name)).join(" ");
  text = text.replace(/,-$|\.-$/, "").trim();
  if (!/^\d{1,3}(?:[.,\s]?\d{3})*(?:[.,]\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$/.test(text)) return undefined;
  const compact = text.replace(/\s/g, "");
  const lastSep = Math.max(compact.lastIndexOf(","), compact.lastIndexOf("."));
  const decimals = lastSep >= 0 ? compact.length - lastSep - 1 : 0;
  const value =
    lastSep >= 0 && decimals <= 2
      ? Number(`${compact.slice(0, lastSep).replace(/[.,]/g, "")}.${compact.slice(lastSep + 1)}`)
      : Number(compact.replace(/[.,]/g, ""));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** An amount as people write it in the language: "€ 3.012,00" (nl), "€3,012.00" (en); no non-breaking spaces. */
export function formatAmount(amount: number, currency: string, language: "nl" | "en"): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "nl-NL", { style: "currency", currency, minimumFractionDigits: 2 })
    .format(amount)
    .replace(/\s/g, " ");
}

/** A validity date as people write it: "1 januari 2025" / "1 January 2025". */
export function formatDate(iso: string, language: "nl" | "en"): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
