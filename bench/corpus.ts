import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { runCli } from "../src/platform/runCli.js";
import { syntheticCorpus } from "./corpusGenerator.js";

/** Writes the corpus to `out`; returns the number of documents and bytes written. */
export async function writeCorpus(out: string, docs: number, seed = 42): Promise<{ docs: number; bytes: number }> {
  let bytes = 0;
  for (const doc of syntheticCorpus(docs, seed)) {
    const path = join(out, doc.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, doc.text);
    bytes += Buffer.byteLength(doc.text);
  }
  return { docs, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("corpus")
    .description("Write a deterministic synthetic corpus of HR profiles in the seed formats.")
    .requiredOption("--docs <n>", "number of documents")
    .requiredOption("--out <dir>", "output folder")
    .option("--seed <n>", "random seed", "42")
    .parse();
  runCli(async () => {
    const options = program.opts<{ docs: string; out: string; seed: string }>();
    const docs = Number(options.docs);
    if (!Number.isInteger(docs) || docs < 1) throw new Error("--docs must be a positive whole number");
    const result = await writeCorpus(resolve(options.out), docs, Number(options.seed));
    process.stderr.write(`Wrote ${result.docs} documents (${(result.bytes / 1e6).toFixed(1)} MB) to ${options.out}\n`);
  });
}
