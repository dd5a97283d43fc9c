import { pino } from "pino";
import type { Logger } from "../../src/platform/logger.js";

export type CapturedLine = { level: number; msg: string; [key: string]: unknown };

/** A real pino logger whose JSON lines are kept in memory, so tests can count warnings. */
export function capturingLogger(): { logger: Logger; lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as CapturedLine) };
  return { logger: pino({ level: "debug", base: undefined }, stream), lines };
}
