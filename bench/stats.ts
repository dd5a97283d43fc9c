/** Median and range of a handful of samples: the start-ups of one run, a figure over several runs. */
export type Spread = { median: number; min: number; max: number };

export function spreadOf(values: number[]): Spread {
  if (!values.length) throw new Error("no samples");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  // An even count has two middles: their mean, so two runs do not report the lower one as "the" median.
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
