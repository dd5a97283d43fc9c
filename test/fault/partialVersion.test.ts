import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLexicalData } from "../../src/search/lexicalIndex.js";
import { currentVersionDir, readIndexData, writeIndex } from "../../src/search/indexFiles.js";
import { chunkContext } from "../../src/domain/chunk.js";
import { ingestedCopy } from "../support/knowledge.js";

describe("a failed index write (issue 26, finding 12)", () => {
  it("leaves no partial version folder or pointer behind, and CURRENT unchanged", async () => {
    const { indexDir } = await ingestedCopy("fw-partial-");
    const current = readFileSync(join(indexDir, "CURRENT"), "utf8");
    const before = readdirSync(indexDir).sort();
    const { vectors: _vectors, lexical: _lexical, ...data } = await readIndexData((await currentVersionDir(indexDir))!, { vectors: false });
    const contents = { ...data, lexical: buildLexicalData(data.chunks.length, (id) => chunkContext(data.chunks[id]!)) };
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    await expect(
      writeIndex(indexDir, contents, () => {
        throw full;
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(indexDir).sort()).toEqual(before);
    expect(readFileSync(join(indexDir, "CURRENT"), "utf8")).toBe(current);
  });
});
