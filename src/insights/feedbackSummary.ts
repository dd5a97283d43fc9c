import type { StoredFeedback } from "../feedback/feedbackReader.js";
import type { AnswerRecord } from "./answerLog.js";

export type IntentVotes = { intent: string | null; up: number; down: number };
export type DailyVotes = { day: string; intent: string | null; up: number; down: number };
export type DownVote = { at: string; channel: string; question: string; intent: string | null; sources: string[] };

/** Questions answered from one document set, and the votes on those answers. */
export type SetVotes = { set: string; questions: number; up: number; down: number };

export type FeedbackSummary = {
  total: { up: number; down: number };
  /** Per document set ("" is the root set): an answer citing several sets counts for each. */
  bySet: SetVotes[];
  byIntent: IntentVotes[];
  /** One row per day and intent that had votes, over the last `days` days. */
  daily: DailyVotes[];
  days: string[];
  recentDown: DownVote[];
};

const DAY_MS = 86_400_000;

/**
 * Votes from every door (web, Teams, Slack) per intent and per day. The intent
 * comes from the answer log by answer id; votes on answers given before that
 * log existed (or after it expired) count under intent null ("unknown").
 */
export function summariseFeedback(votes: StoredFeedback[], answers: AnswerRecord[], now = Date.now(), days = 30, recent = 20): FeedbackSummary {
  const intentOf = new Map(answers.map((a) => [a.answerId, a.intent as string]));
  const sourcesOf = new Map(answers.map((a) => [a.answerId, a.sources ?? []]));
  const byIntent = new Map<string | null, IntentVotes>();
  const daily = new Map<string, DailyVotes>();
  const dayList = Array.from({ length: days }, (_, i) => new Date(now - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const firstDay = dayList[0]!;
  const total = { up: 0, down: 0 };
  const bySet = new Map<string, SetVotes>();
  const setRow = (set: string) => bySet.get(set) ?? bySet.set(set, { set, questions: 0, up: 0, down: 0 }).get(set)!;
  const setsOf = new Map(answers.map((a) => [a.answerId, a.sets ?? []]));
  for (const answer of answers) for (const set of answer.sets ?? []) setRow(set).questions++;
  for (const vote of votes) {
    for (const set of setsOf.get(vote.answerId) ?? []) setRow(set)[vote.vote]++;
    const intent = intentOf.get(vote.answerId) ?? null;
    const row = byIntent.get(intent) ?? { intent, up: 0, down: 0 };
    row[vote.vote]++;
    total[vote.vote]++;
    byIntent.set(intent, row);
    const day = vote.at.slice(0, 10);
    if (day >= firstDay) {
      const key = `${day}\u0000${intent}`;
      const cell = daily.get(key) ?? { day, intent, up: 0, down: 0 };
      cell[vote.vote]++;
      daily.set(key, cell);
    }
  }
  const recentDown = votes
    .filter((vote) => vote.vote === "down")
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, recent)
    .map((vote) => ({
      at: vote.at,
      channel: vote.channel,
      question: vote.question,
      intent: intentOf.get(vote.answerId) ?? null,
      sources: sourcesOf.get(vote.answerId) ?? [],
    }));
  return {
    total,
    bySet: [...bySet.values()].sort((a, b) => a.set.localeCompare(b.set)),
    byIntent: [...byIntent.values()].sort((a, b) => b.down + b.up - (a.down + a.up)),
    daily: [...daily.values()].sort((a, b) => a.day.localeCompare(b.day)),
    days: dayList,
    recentDown,
  };
}
