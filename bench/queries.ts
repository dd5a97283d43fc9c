import { readFileSync } from "node:fs";
import { COMPETENCIES, DOMAINS, ROLES } from "./corpusGenerator.js";

/** The labelled retrieval questions plus templated HR questions over the synthetic vocabulary. */
export function benchQueries(count: number): string[] {
  const labelled = readFileSync("test/eval/search-questions.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { query: string }).query);
  const templated: string[] = [];
  for (const [i, domain] of DOMAINS.entries()) {
    const role = ROLES[i % ROLES.length]!;
    const competency = COMPETENCIES[i % COMPETENCIES.length]!.name.toLowerCase();
    templated.push(
      `welke schaal past bij een ${role} ${domain.toLowerCase()}`,
      `toetsvragen ${competency}`,
      `ontwikkeltips ${competency} ${role}`,
      `which scale fits a ${role} in ${domain}?`,
      `wat verandert er van schaal ${5 + (i % 6)} naar ${6 + (i % 6)}`,
    );
  }
  const all = [...labelled, ...templated];
  return Array.from({ length: count }, (_, i) => all[i % all.length]!);
}

/** Questions for the answer latency: the same mix, asked as a person would. */
export function benchQuestions(count: number): string[] {
  const base = [
    "Welke schaal past bij een servicedesk medewerker?",
    "Geef toetsvragen voor onderhandelen",
    "Wat verandert er van schaal 6 naar 7?",
    "How can I get better at analysing?",
    "Welke competenties horen bij de accountmanager?",
    "Wat verdient iemand in schaal 8?",
    ...benchQueries(60).filter((q) => /schaal|scale|toetsvragen|ontwikkeltips/.test(q)),
  ];
  return Array.from({ length: count }, (_, i) => base[i % base.length]!);
}
