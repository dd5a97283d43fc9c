import type { Citation, Language } from "../../../domain/answer.js";
import type { DocumentMeta } from "../../../domain/document.js";
import { formatAmount, formatDate } from "../../../ingest/salary/amounts.js";
import { rowRange, type SalaryRow, type StoredSalaryTable } from "../../../domain/salaryTable.js";
import { fold } from "../../../text/normalize.js";
import { messagesIn } from "../../../vocabulary/messages.js";
import { isStepWord, salaryAsk, type SalaryAsk } from "../../salary/askedStep.js";
import { rolesNamedInPart } from "../../salary/rolesInQuestion.js";
import { tablesOfSystem } from "../../salary/tablesOfSystem.js";
import { refuse } from "../../compose/refusal.js";
import { cite, say, type ComposeContext, type Draft } from "../../compose/draft.js";

/** A level to price: in which system, which code, and the role it came from. */
type Target = { system: string; code: string; label: string; role?: DocumentMeta /** The question named the system. */; named?: boolean };

const MAX_ROLES = 3;

function tableText(table: StoredSalaryTable, lang: Language): string {
  const t = messagesIn(lang);
  return table.validFrom ? t("salary.validFrom", { date: formatDate(table.validFrom, lang) }) : t("salary.noDate");
}

/** The row's citation: the table's section path and the row label, quoted as "trede 0 € … · trede 6 € …". */
function rowCitation(table: StoredSalaryTable, row: SalaryRow): Citation {
  const first = row.steps[0]!;
  const last = row.steps.at(-1)!;
  const quote = `${row.label}: trede ${first.step} ${formatAmount(first.amount, table.currency, "nl")} … trede ${last.step} ${formatAmount(last.amount, table.currency, "nl")}`;
  return cite(table.source, [...table.path, row.label], quote);
}

/** One level's answer line from its table: the range, one end, or one step. */
function priceLine(table: StoredSalaryTable, row: SalaryRow, ask: SalaryAsk, system: string, lang: Language): string {
  const t = messagesIn(lang);
  const money = (amount: number) => formatAmount(amount, table.currency, lang);
  const common = { level: row.label, system, period: t(`salary.period.${table.period}`), table: tableText(table, lang) };
  if (ask.step !== undefined) {
    const step = row.steps.find((s) => s.step === ask.step);
    if (!step) return t("salary.stepMissing", { ...common, step: ask.step, first: row.steps[0]!.step, last: row.steps.at(-1)!.step });
    return t("salary.step", { ...common, step: step.step, amount: money(step.amount) });
  }
  const { min, max } = rowRange(row);
  if (ask.end === "min") return t("salary.minimum", { ...common, amount: money(min.amount), step: min.step });
  if (ask.end === "max") return t("salary.maximum", { ...common, amount: money(max.amount), step: max.step });
  return t("salary.range", { ...common, min: money(min.amount), minStep: min.step, max: money(max.amount), maxStep: max.step });
}

/**
 * "Wat verdient een adviseur?", "wat is het maximum van schaal 10?", "schaal
 * 8 trede 3": amounts from the loaded salary tables, each with its table's
 * date and a citation to the row. A role is priced only from its own
 * system's table; of several tables of one system the most recent is used,
 * and the answer says so. No table loaded: the honest refusal, naming what to load.
 */
export function composeSalary({ u, kb }: ComposeContext): Draft {
  const lang = u.language;
  const t = messagesIn(lang);
  const words = kb.vocabulary.salaryWords;
  const tables = kb.salaryTables;
  const refusalText = () => {
    const topic = kb.vocabulary.outOfScope.find((entry) => entry.id === "salary-amount");
    return topic ? say(lang, topic.nl, topic.en) : t("salary.whichLevel", { systems: "–" });
  };
  if (!tables.length) return { ...refuse(u, kb, refusalText()), intent: "salary" };
  const ask = salaryAsk(u.question, words);
  // "schaal 9 trede 3": the step's number is no level, whatever word the level reader gave it.
  const levelMentions = u.levels.filter((level) => !isStepWord(level.word, words));
  const mentions = ask.step !== undefined && levelMentions.length > 1 ? levelMentions.filter((level) => level.code !== ask.step) : levelMentions;
  // A level the question names that none of the matched roles has asks about the level, not the role
  // ("het minimum van schaal 12 bij het Rijk" matches a Rijk role by the word "Rijk").
  const ownLevel = (source: string) => kb.document(source)?.jobLevels.some((l) => mentions.some((m) => m.code.toUpperCase() === l.code?.toUpperCase()));
  const roles = mentions.length ? u.roles.filter(ownLevel) : u.roles.length ? u.roles : rolesNamedInPart(u.question, kb, MAX_ROLES);
  const lines: string[] = [];
  const targets: Target[] = [];
  const citations: Citation[] = [];
  const notes = new Set<string>();
  let priced = 0;
  /** One level's line from its own system's most recent table (or why there is none). */
  const price = (target: Target): void => {
    targets.push(target);
    const system = kb.vocabulary.systems.system(target.system).name;
    const [table, ...older] = tablesOfSystem(tables, target.system);
    const levelLabel = target.role || target.label.includes(" ") ? target.label : `${words.levelWords[0] ?? ""} ${target.code}`.trim();
    if (!table) {
      // Only a role's own system can price it; a level asked without a system skips systems without a table.
      if (target.role || target.named) lines.push(t("salary.noTableForSystem", { system, level: levelLabel }));
      return;
    }
    const row = table.rows.find((r) => r.level === target.code.toUpperCase());
    if (!row) {
      lines.push(t("salary.levelNotInTable", { system, table: tableText(table, lang), level: levelLabel }));
      return;
    }
    lines.push(priceLine(table, row, ask, system, lang));
    citations.push(rowCitation(table, row));
    priced++;
    if (older.length)
      notes.add(
        t("salary.latest", {
          system,
          count: older.length + 1,
          date: table.validFrom ? formatDate(table.validFrom, lang) : "–",
          others: older.map((o) => `${o.title}${o.validFrom ? ` (${formatDate(o.validFrom, lang)})` : ""}`).join(", "),
        }),
      );
  };
  for (const source of roles.slice(0, MAX_ROLES)) {
    const role = kb.document(source);
    if (!role) continue;
    // The role's own levels in its own system; a level the question names narrows them.
    const own = role.jobLevels.filter((level) => level.code && (level.system ?? role.system) === role.system);
    const levels = mentions.length ? own.filter((level) => mentions.some((m) => m.code.toUpperCase() === level.code!.toUpperCase())) : own;
    if (!levels.length) {
      lines.push(t("salary.roleWithoutLevel", { role: role.title }));
      continue;
    }
    lines.push(t("salary.role", { role: role.title, levels: levels.map((l) => l.label).join(", "), system: kb.vocabulary.systems.system(role.system).name }));
    citations.push(cite(role.source, [role.title], levels.map((l) => l.label).join(", ")));
    for (const level of levels) price({ system: role.system, code: level.code!, label: level.label, role });
  }
  if (!roles.length) {
    // A level without a role: in the system the question names, else in every system that has a table.
    const withTables = [...new Set(tables.map((table) => table.system))];
    for (const mention of mentions) {
      // "FWG 45" names its system by the level word: a system without a table then says so.
      const byWord = mention.word
        ? kb.vocabulary.systems.all.filter((system) => system.levelWords.includes(fold(mention.word!))).map((system) => system.id)
        : [];
      const named = u.systems.length ? u.systems : byWord.length && !byWord.some((id) => withTables.includes(id)) ? byWord.slice(0, 1) : [];
      const systems = named.length ? named : byWord.length ? withTables.filter((id) => byWord.includes(id)) : withTables;
      for (const system of systems)
        price({ system, code: mention.code.toUpperCase(), label: mention.word ? `${mention.word} ${mention.code}` : mention.code, named: named.length > 0 });
    }
  }
  if (!targets.length && !lines.length) {
    const systems = [...new Set(tables.map((table) => kb.vocabulary.systems.system(table.system).name))].join(", ");
    return { intent: "salary", answered: false, answer: t("salary.whichLevel", { systems }), citations: [], followUps: [] };
  }
  const first = targets.find((target) => target.role) ?? targets[0];
  const followUps = first
    ? [
        ask.end !== "max" ? t("salary.followUp.maximum", { level: first.role ? first.label : `${words.levelWords[0] ?? ""} ${first.code}`.trim() }) : undefined,
        ask.step === undefined
          ? t("salary.followUp.step", { step: 2, level: first.role ? first.label : `${words.levelWords[0] ?? ""} ${first.code}`.trim() })
          : undefined,
        first.role ? t("salary.followUp.kit", { role: first.role.title }) : undefined,
      ].filter((f): f is string => Boolean(f))
    : [];
  return {
    intent: "salary",
    answered: priced > 0,
    answer: [...lines, ...notes].join("\n\n"),
    citations: uniqueBySection(citations),
    followUps,
  };
}

function uniqueBySection(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(`${c.source}#${c.section}`) && seen.add(`${c.source}#${c.section}`));
}
