import { readFileSync } from "node:fs";
import { loadFile } from "./src/ingest/loaders/index.js";
import { parseDocument } from "./src/ingest/parse/index.js";
import { fold } from "./src/text/normalize.js";
const expected = JSON.parse(readFileSync("test/fixtures/unseen/expected.json", "utf8"));
for (const e of expected) {
  const loaded = await loadFile(`test/fixtures/unseen/${e.file}`);
  const doc = parseDocument({ source: e.file, text: loaded.text, format: loaded.format, title: loaded.title });
  const levels = doc.meta.jobLevels.map((l) => l.code);
  const comps = doc.competencies.map((c) => `${c.name}(${c.indicators.length}/${c.questions.length}/${c.tips.length})`);
  console.log(`\n# ${e.file}\n  title: ${doc.meta.title} | expected ${e.title}\n  system: ${doc.meta.system} | expected ${e.system}\n  levels: ${levels} | expected ${e.levels}\n  comps: ${comps.join(", ")}\n  expected: ${e.competencies.map((c: any) => `${c.name}(${c.indicators}/${c.questions}/${c.tips})`).join(", ")}\n  facts: ${(doc.meta.facts ?? []).map((f) => `${f.label}=${f.value.slice(0, 30)}`).join("; ")}\n  expected facts: ${JSON.stringify(e.facts)}${e.competencyLevels ? `\n  compLevels: ${JSON.stringify(doc.competencies.map((c) => [c.name, c.levelsByJobLevel]))}` : ""}`);
}
