import { z } from "zod";

const phrases = z.array(z.string().trim().min(1)).default([]);

/** The words a salary table and a salary question are read with (`salaryTables` in the HR pack). */
export const SalaryWordsSchema = z.object({
  /** Header words naming the levels ("schaal") and the steps ("trede") of a table. */
  levelWords: phrases,
  stepWords: phrases,
  /** Words that give the amounts' period. */
  periods: z.object({ month: phrases, hour: phrases, year: phrases }),
  /** ISO currency code → the symbols and words that name it. */
  currencies: z.record(z.string().regex(/^[A-Z]{3}$/), phrases).default({ EUR: ["€"] }),
  /** Words before a table's validity date. */
  validFrom: phrases,
  /** Month names and abbreviations → 1 … 12. */
  months: z.record(z.string(), z.number().int().min(1).max(12)).default({}),
  /** Question words asking for one end of a scale. */
  minimum: phrases,
  maximum: phrases,
});
export type SalaryWords = z.infer<typeof SalaryWordsSchema>;
