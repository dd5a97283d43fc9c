/**
 * Words that mean the same thing in HR questions and HR documents, across
 * Dutch and English and across the wording of different classification
 * systems. Used to widen a query, never to invent an answer: whatever is
 * found must still be in the documents.
 */
export const THESAURUS: string[][] = [
  ["servicedesk", "helpdesk", "front office", "meldingen", "storingsmeldingen", "calls", "eerstelijns", "first line"],
  ["back office", "tweedelijns", "second line", "applicatiebeheer", "applicaties en systemen beheerd", "application management"],
  ["schaal", "salarisschaal", "loonschaal", "barema", "scale", "salary scale", "pay scale", "grade", "inschaling"],
  ["toetsvragen", "sollicitatievragen", "interviewvragen", "interview questions", "selectievragen", "star"],
  ["ontwikkeltips", "development tips", "tips", "ontwikkelen", "verbeteren", "improve"],
  ["gedragsindicatoren", "behaviour indicators", "behavioral indicators", "gedrag"],
  ["loopbaan", "doorgroeien", "carriere", "career", "promotie", "groeien", "grow", "next level"],
  ["leidinggevende", "manager", "chef", "teamleider"],
  ["opleiding", "diploma", "education", "werk- en denkniveau", "opleidingsniveau"],
  ["kennis", "knowledge", "vakkennis", "kennis en vaardigheden", "skills"],
  ["contacten", "contacts", "communicatie"],
  ["resultaten", "resultaatgebieden", "results", "responsibilities", "taken", "tasks", "kernactiviteit"],
  ["doel", "purpose", "korte omschrijving", "goal"],
  ["ict", "it", "informatica", "automatisering"],
  ["accountmanager", "account manager", "relatiebeheerder"],
  ["service level manager", "service level management", "sla"],
];

/** Extra query text: the other members of every group the question touches. */
export function expandQuery(foldedQuestion: string): string[] {
  const extra: string[] = [];
  for (const group of THESAURUS) {
    if (group.some((term) => new RegExp(`\\b${term.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}\\b`).test(foldedQuestion))) {
      extra.push(...group);
    }
  }
  return extra;
}
