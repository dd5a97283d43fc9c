import type { ContextBlock } from "./context.js";

/**
 * Links, e-mail addresses and phone numbers in a text: where a generated
 * answer could send a user ("log in op [het HR-portaal](https://…)", "mail
 * je BSN naar …"). Each scan is a single pass with patterns whose repetitions
 * are delimited, so they run in linear time on any input.
 */

/** A URL with a scheme, or a www. host; ends at white space, brackets, quotes or angle brackets. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]{}"'`]+/gi;
/** A bare host name ("hr-portal.evil.example/login"): chat clients link these too. Not inside a word, an address or a URL. */
const HOST = /(?<![\w@./:-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>()[\]{}"'`]*)?/gi;
/** Runs of characters a phone number is written with (no dots or commas: "2.500 - 3.500" is an amount). */
const PHONE_RUN = /[+(]?\d[\d ()-]*\d/g;
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w.-]/;

/** Trailing sentence punctuation is not part of a link: "zie https://x.nl/a." */
const trimmed = (link: string) =>
  link
    .replace(/[.,;:!?]+$/, "")
    .replace(/\/+$/, "")
    .toLowerCase();

export function links(text: string): string[] {
  const found = [...text.matchAll(URL)].map((m) => trimmed(m[0]));
  const withoutUrls = text.replace(URL, " ");
  for (const m of withoutUrls.matchAll(HOST)) {
    // "o.a.", "d.m.v." and file names such as "profiel.pdf" are not hosts a user would be sent to.
    if (/\.(pdf|docx?|txt|md|html?|xlsx?|csv)$/i.test(m[0])) continue;
    found.push(trimmed(m[0]));
  }
  return found;
}

/** E-mail addresses: from each "@", the address characters on both sides (each character is visited at most twice). */
export function emails(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", from)) {
    let start = at;
    while (start > from && EMAIL_LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end]!)) end++;
    const address = text.slice(start, end).replace(/[.]+$/, "");
    if (start < at && address.slice(at - start + 1).includes(".")) found.push(address.toLowerCase());
    from = Math.max(end, at + 1);
  }
  return found;
}

/** Phone numbers as their digits: 9 to 15 digits written with spaces, dashes, brackets or a leading +. */
export function phoneNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length >= 9 && digits.length <= 15) found.push(digits);
  }
  return found;
}

/**
 * The links, addresses and phone numbers in `answer` that no cited block
 * contains; empty means every one was copied from the sources.
 */
export function unsupportedContacts(answer: string, cited: ContextBlock[]): string[] {
  const source = cited.map(({ chunk }) => `${chunk.title}\n${chunk.text}`).join("\n");
  const sourceLower = source.toLowerCase();
  const sourceLinks = new Set(links(source));
  const sourcePhones = new Set(phoneNumbers(source));
  const missing = [
    ...links(answer).filter((link) => !sourceLinks.has(link) && !sourceLower.includes(link)),
    ...emails(answer).filter((address) => !sourceLower.includes(address)),
    ...phoneNumbers(answer).filter((digits) => !sourcePhones.has(digits)),
  ];
  return [...new Set(missing)];
}
