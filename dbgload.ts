import { loadFile } from "./src/ingest/loaders/index.js";
const l = await loadFile(process.argv[2]!);
console.log("TITLE:", l.title); console.log(l.text.slice(0, Number(process.argv[3] ?? 3000)));
