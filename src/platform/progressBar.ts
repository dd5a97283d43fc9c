import cliProgress from "cli-progress";
import type { IngestProgress } from "../domain/assistant.js";

/** A progress bar on a terminal (stderr), nothing otherwise: stdout stays clean for --json. */
export function progressReporter(): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: " {phase} [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = "";
  return {
    onProgress: (p) => {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: p.phase.padEnd(5), file: "" });
      }
      bar.update(p.done, { phase: p.phase.padEnd(5), file: p.file ?? "" });
    },
    stop: () => phase && bar.stop(),
  };
}
