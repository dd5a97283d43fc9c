import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { OUTSIDE_LINK_REASON, scanKnowledge } from "../../src/ingest/scan.js";
import { silentLogger } from "../../src/platform/logger.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { localEmbedder, tempDir } from "../support/knowledge.js";

/** A knowledge folder with links in every direction (finding 6). */
function linkedKnowledge(): { knowledge: string; outside: string } {
  const outside = tempDir("fw-outside-");
  writeFileSync(join(outside, "geheim.md"), "# Geheim\n\nHet beheerderswachtwoord is zwaardvis-kolibrie-42.\n");
  mkdirSync(join(outside, "map"));
  writeFileSync(join(outside, "map", "salarissen.md"), "# Salarissen\n\nDe directeur verdient zwaardvis-kolibrie-43.\n");

  const knowledge = tempDir("fw-linked-");
  writeFileSync(join(knowledge, "profiel.md"), "# Adviseur\n\nDe adviseur geeft advies over roosters en verlof.\n");
  mkdirSync(join(knowledge, "teams"));
  writeFileSync(join(knowledge, "teams", "beleid.md"), "# Beleidsmedewerker\n\nDe beleidsmedewerker schrijft notities over huisvesting.\n");
  symlinkSync(join(outside, "geheim.md"), join(knowledge, "geheim.md")); // file out
  symlinkSync(join(outside, "map"), join(knowledge, "extern")); // folder out
  symlinkSync("../geheim.md", join(knowledge, "teams", "relatief.md")); // relative link to a link that leaves
  symlinkSync(join(knowledge, "profiel.md"), join(knowledge, "alias.md")); // file in
  symlinkSync(join(knowledge, "teams"), join(knowledge, "afdelingen")); // folder in
  symlinkSync(knowledge, join(knowledge, "teams", "terug")); // loop to an ancestor
  symlinkSync(join(knowledge, "zelf.md"), join(knowledge, "zelf.md")); // loop onto itself
  return { knowledge, outside };
}

describe("symbolic links in the knowledge folder (finding 6)", () => {
  it("skips links that leave the folder with a reason, reads links inside it, and ends link loops", async () => {
    const { knowledge } = linkedKnowledge();
    const started = performance.now();
    const scan = await scanKnowledge(knowledge);
    expect(performance.now() - started).toBeLessThan(2000);
    const sources = scan.files.map((f) => f.source);
    expect(sources).toContain("profiel.md");
    expect(sources).toContain("alias.md");
    expect(sources.filter((s) => s.endsWith("beleid.md"))).toEqual(["teams/beleid.md"]); // read once, under its own path, not the link's
    expect(sources.some((s) => /geheim|salarissen/.test(s))).toBe(false);
    const reasons = Object.fromEntries(scan.unreadable.map((u) => [u.file, u.reason]));
    expect(reasons["geheim.md"]).toBe(OUTSIDE_LINK_REASON);
    expect(reasons.extern).toBe(OUTSIDE_LINK_REASON);
    expect(reasons["teams/relatief.md"]).toBe(OUTSIDE_LINK_REASON);
    expect(reasons["zelf.md"]).toMatch(/cannot read the file \(ELOOP\)/);
  });

  it("ingests no secret through a link: it is reported as skipped and cannot be found", async () => {
    const { knowledge } = linkedKnowledge();
    const indexDir = tempDir("fw-linked-index-");
    const embedder = localEmbedder();
    const result = await ingest({ knowledgeDir: knowledge, indexDir, embedder, logger: silentLogger });
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { file: "geheim.md", reason: OUTSIDE_LINK_REASON },
        { file: "extern", reason: OUTSIDE_LINK_REASON },
      ]),
    );
    const kb = await KnowledgeBase.open(indexDir, embedder);
    const hits = await kb.search("beheerderswachtwoord zwaardvis kolibrie directeur verdient", { k: 10 });
    expect(hits.map((h) => h.chunk.text).join("\n")).not.toMatch(/zwaardvis/);
    expect(hits.map((h) => h.chunk.source)).toEqual(expect.arrayContaining(["profiel.md"]));
  });

  it("reads a knowledge folder that is itself a link", async () => {
    const { knowledge } = linkedKnowledge();
    const viaLink = join(tempDir("fw-via-"), "kennis");
    symlinkSync(knowledge, viaLink);
    const scan = await scanKnowledge(viaLink);
    expect(scan.files.map((f) => f.source)).toEqual(expect.arrayContaining(["profiel.md", "alias.md"]));
    expect(scan.unreadable.find((u) => u.file === "geheim.md")?.reason).toBe(OUTSIDE_LINK_REASON);
  });
});
