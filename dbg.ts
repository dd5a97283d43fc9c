import { readFileSync } from "node:fs";
import { parseDocument } from "./src/ingest/parse/index.js";
const f = process.argv[2]!;
const doc = parseDocument({ source: f, text: readFileSync(f, "utf8"), format: "md" });
console.log(JSON.stringify({ meta: { ...doc.meta, contentHash: undefined }, competencies: doc.competencies.map((c) => ({ name: c.name, inf: c.nameInferred, prof: c.proficiency, path: c.path, d: c.description.slice(0, 60), i: c.indicators.length, q: c.questions.length, t: c.tips.length, l: c.levelDescriptions.length, lj: c.levelsByJobLevel })), sections: doc.sections.map((s) => `${s.kind} ${s.path.join(" > ")} :: ${s.text.slice(0, 70).replace(/\n/g, " | ")}`) }, null, 1));
