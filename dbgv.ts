import { defaultVocabulary } from "./src/vocabulary/load.js";
const v = defaultVocabulary();
for (const q of process.argv.slice(2)) console.log(q, ["scale","competency","interview","catalogue"].map(k => `${k}=${v.intentWords(k as any, q)}`).join(" "));
