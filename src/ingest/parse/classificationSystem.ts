/** Names the classification system a document's levels belong to, from its own wording. */
export function inferSystem(text: string): string {
  if (/^\s*niveauschaal\s*$/im.test(text)) return "UFO (Universitair Functieordenen)";
  if (/^\s*functietypering\s*$/im.test(text) && /^\s*schaal\s+\d{1,2}\s*$/im.test(text)) return "Functiegebouw Rijk";
  if (/functieklasse\s+\d/i.test(text)) return "Vlaamse overheid (functieklassen)";
  if (/^\s*(?:functie)?niveau\s*:\s*[A-E][1-5]?\s*$/im.test(text)) return "Vlaamse lokale en provinciale besturen (niveaus A-E)";
  return "onbekend";
}
