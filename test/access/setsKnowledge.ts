import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openAssistant } from "../../src/app/openAssistant.js";
import type { Assistant } from "../../src/domain/assistant.js";
import type { GeneratedAnswerer } from "../../src/answer/assistant.js";
import { loadConfig, type Config } from "../../src/platform/config.js";
import { silentLogger } from "../../src/platform/logger.js";
import { copyKnowledge, tempDir } from "../support/knowledge.js";

/** The HR-only document: a reorganisation's quartermaster, with words no public document uses. */
export const HIDDEN_SOURCE = "hr-only/kwartiermaker-reorganisatie.md";
export const HIDDEN_TITLE = "Kwartiermaker reorganisatie Zilverberg";
/** A word only the hidden document contains: it must appear in no answer an outsider gets. */
export const HIDDEN_WORD = /zilverberg|morgenrood|kwartiermaker/i;
export const HIDDEN_QUESTION = "Wat doet de kwartiermaker bij de fusie Zilverberg?";
export const HIDDEN_SECTION = "Korte omschrijving van de functie";

const HIDDEN_DOCUMENT = `---
title: ${HIDDEN_TITLE}
organisation: Gemeente Morgenrood
system: Vlaamse lokale en provinciale besturen (niveaus A-E)
---

## Plaats van de functie in de organisatie

Directie/Afdeling/Dienst: Directie Fusie Zilverberg
Niveau: A4

## ${HIDDEN_SECTION}

De kwartiermaker bereidt de fusie van de diensten Zilverberg en Morgenrood voor en stelt het nieuwe organogram op voordat het wordt aangekondigd.

## Resultaatsgebieden

### **1. Fusieplan Zilverberg**

- Je schrijft het fusieplan Zilverberg en bewaakt de planning van de samenvoeging
- Je bepaalt welke functies vervallen en welke nieuwe functies ontstaan

## Competenties

### Visie ontwikkelen

Toetsvragen:
- Vertel over een reorganisatie waarin jij de nieuwe structuur ontwierp.
- Hoe bracht je het fusieplan Zilverberg tot uitvoering?
`;

/** Who may use hr-only in each door (the example shape). */
export const ACCESS_YAML = `sets:
  hr-only:
    web: { groups: [hr] }
    slack: { channels: [C0HR], usergroups: [S0HR] }
    teams: { channels: ["19:hr@thread.tacv2"], groups: ["6f1c2a9e-0000-4000-8000-00000000a11a"] }
`;

/** A copy of the seed knowledge (the public root set) plus the hr-only set and access.yaml. */
export function setsKnowledge(access = ACCESS_YAML): string {
  const knowledgeDir = copyKnowledge();
  mkdirSync(join(knowledgeDir, "hr-only"));
  writeFileSync(join(knowledgeDir, HIDDEN_SOURCE), HIDDEN_DOCUMENT);
  writeFileSync(join(knowledgeDir, "access.yaml"), access);
  return knowledgeDir;
}

/** The production assistant (index built, access.yaml followed) over a sets knowledge folder. */
export async function setsAssistant(
  knowledgeDir: string,
  env: Record<string, string> = {},
  options: { llm?: (config: Config) => GeneratedAnswerer | undefined } = {},
): Promise<{ assistant: Assistant; config: Config }> {
  const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: tempDir("fw-sets-index-"), ...env });
  return { assistant: await openAssistant(config, { logger: silentLogger, llm: options.llm?.(config) }), config };
}

/** Everything an answer shows a user, as one string: text, citations, follow-ups and expansions. */
export function shown(answer: { answer: string; citations: unknown[]; followUps: string[]; expansions?: unknown[] }): string {
  return JSON.stringify([answer.answer, answer.citations, answer.followUps, answer.expansions ?? []]);
}
