// Writes the blind set's .docx and .pdf documents into test/fixtures/blind: `npx tsx test/eval/blind/make-binaries.ts`.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeDocx, writePdf } from "../../fixtures/structures/binaryWriter.js";
import { blindBinaries } from "./binary-sources.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/blind");

for (const fixture of blindBinaries) {
  const path = join(target, fixture.file);
  if (fixture.file.endsWith(".docx")) await writeDocx(path, fixture.blocks);
  else await writePdf(path, fixture.blocks);
  console.log(`wrote ${fixture.file}`);
}
