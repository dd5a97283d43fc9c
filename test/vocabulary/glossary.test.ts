import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { currentManifest } from "../../src/search/indexFiles.js";
import { loadVocabulary, VocabularyError } from "../../src/vocabulary/load.js";
import { localEmbedder, tempDir } from "../support/knowledge.js";

function knowledgeWith(glossary: string): string {
  const dir = mkdtempSync(join(tmpdir(), "fw-glossary-"));
  cpSync("knowledge", dir, { recursive: true });
  writeFileSync(join(dir, "glossary.yaml"), glossary);
  return dir;
}

describe("the organisation's glossary", () => {
  it("adds synonyms, role names and competencies to the packs", () => {
    const dir = knowledgeWith(
      "synonyms:\n  - [kcc, klantcontactcentrum]\nroles:\n  - { name: Servicedesk medewerker ICT, aliases: [ict-loket] }\ncompetencies:\n  - { name: Burgergerichtheid, aliases: [inwonergericht werken], cues: [inwoner] }\n",
    );
    const vocabulary = loadVocabulary(dir);
    expect(vocabulary.relatives("wie werkt in het kcc")).toContain("klantcontactcentrum");
    expect(vocabulary.relatives("het ict-loket")).toContain("servicedesk medewerker ict");
    expect(vocabulary.competenciesNamed("inwonergericht werken").map((c) => c.name)).toEqual(["Burgergerichtheid"]);
    expect(vocabulary.hash).not.toBe(loadVocabulary().hash);
  });

  it("refuses a malformed glossary with the file and the field named", () => {
    const dir = knowledgeWith("competencies:\n  - { aliases: [x] }\n");
    expect(() => loadVocabulary(dir)).toThrow(VocabularyError);
    expect(() => loadVocabulary(dir)).toThrow(/glossary\.yaml: competencies\.0\.name/);
    expect(() => loadVocabulary(knowledgeWith("unknownPart: 1\n"))).toThrow(/glossary\.yaml/);
  });

  it("warns about terms no document uses, and a changed glossary re-reads every document", async () => {
    const dir = knowledgeWith("synonyms:\n  - [servicedesk, zzyzx-afdeling]\n");
    const indexDir = tempDir("fw-glossary-index-");
    const first = await ingest({ knowledgeDir: dir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    expect(first.unusedGlossaryTerms).toEqual(["zzyzx-afdeling"]);
    expect(first.skipped.map((s) => s.file)).not.toContain("glossary.yaml");
    const before = (await currentManifest(indexDir))!.vocabulary;
    writeFileSync(join(dir, "glossary.yaml"), "synonyms:\n  - [servicedesk, helpdesk-loket]\n");
    const second = await ingest({ knowledgeDir: dir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    expect(second.changed).toBe(true);
    expect(second.reused).toBe(0);
    expect((await currentManifest(indexDir))!.vocabulary).not.toBe(before);
  });
});
