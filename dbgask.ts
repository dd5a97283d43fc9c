import { buildAssistant } from "./test/support/knowledge.js";
import { understand } from "./src/answer/understand/understand.js";
import { detectIntent } from "./src/answer/intents/registry.js";
const dir = process.env.KDIR ?? "knowledge";
const { assistant, kb } = (await buildAssistant(dir)) as any;
for (const q of process.argv.slice(2)) {
  const plan = understand(q, kb);
  const d = detectIntent(plan, kb);
  console.log("Q:", q, "| intent", d.intent, JSON.stringify(Object.fromEntries(Object.entries(d.scores).filter(([, v]) => (v as number) > 0))), "| roles", plan.roles, "| comp", plan.competencyMatch, "| levels", JSON.stringify(plan.levels), "| signals", JSON.stringify(plan.signals), "| wd", plan.workDescription, "| fields", plan.fields);
  const a = await assistant.ask(q, { conversation: process.env.CONV ?? q });
  console.log(a.answered, a.intent, a.answer.slice(0, 900), "\n  cites:", a.citations.map((c: any) => `${c.source} › ${c.section}`).join(" | "), "\n  follow:", a.followUps.join(" / "), "\n---");
}
