/** Ranking quality over a question set: the 1-based rank of the first correct hit, or undefined. */
export type RankMetrics = { questions: number; recallAt1: number; recallAt5: number; mrr: number };

export function rankMetrics(ranks: (number | undefined)[]): RankMetrics {
  const n = ranks.length || 1;
  return {
    questions: ranks.length,
    recallAt1: ranks.filter((r) => r === 1).length / n,
    recallAt5: ranks.filter((r) => r !== undefined && r <= 5).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Renders rows of equal keys as a Markdown table. */
export function markdownTable(rows: Record<string, string | number>[]): string {
  if (!rows.length) return "";
  const keys = Object.keys(rows[0]!);
  const cell = (v: string | number) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v);
  return [`| ${keys.join(" | ")} |`, `|${keys.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${keys.map((k) => cell(r[k] ?? "")).join(" | ")} |`)].join(
    "\n",
  );
}
