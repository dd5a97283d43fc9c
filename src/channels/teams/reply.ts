import type { Attachment, SensitivityUsageInfo } from "@microsoft/agents-activity";
import type { Answer } from "../../domain/answer.js";
import { asAttachment, expansionCard, followUpCard, kitCard } from "./cards.js";
import { teamsCitations, type SectionLookup } from "./citations.js";

/** Teams refuses activities above about 28 KB; the answer text gets at most this much per message. */
export const MAX_TEXT_CHARS = 8_000;

export type Scope = "personal" | "groupChat" | "channel";

export type ReplyOptions = {
  scope: Scope;
  /** The asker's id: suggested actions are shown to them. */
  user?: string;
  section?: SectionLookup;
  /** e.g. "Intern": Teams shows it as the answer's sensitivity label. */
  sensitivityLabel?: string;
  sensitivityDescription?: string;
  /** The web chat's public address, for the interview kit link in group chats and channels. */
  publicUrl?: string;
};

/** A message activity as plain data: the connector's JSON. */
export type ReplyActivity = {
  type: "message";
  text: string;
  textFormat: "markdown";
  entities: Record<string, unknown>[];
  channelData: { feedbackLoopEnabled: boolean };
  attachments?: Attachment[];
  suggestedActions?: { to: string[]; actions: { type: "imBack"; title: string; value: string }[] };
};

export function sensitivityInfo(options: Pick<ReplyOptions, "sensitivityLabel" | "sensitivityDescription">): SensitivityUsageInfo | undefined {
  if (!options.sensitivityLabel) return undefined;
  return {
    type: "https://schema.org/Message",
    "@type": "CreativeWork",
    name: options.sensitivityLabel,
    ...(options.sensitivityDescription ? { description: options.sensitivityDescription } : {}),
  };
}

/**
 * Answer text is Markdown we compose, but it quotes documents and (in LLM
 * mode) model output: "<" is escaped so neither can inject HTML or a fake
 * <at> mention into the Teams message.
 */
export const escapeHtml = (markdown: string): string => markdown.replaceAll("<", "&lt;");

/** Splits at paragraph boundaries (hard-cut only inside an overlong paragraph). */
export function splitText(text: string, max = MAX_TEXT_CHARS): string[] {
  const parts: string[] = [];
  let current = "";
  for (const paragraph of text.split("\n\n")) {
    for (let rest = paragraph; rest.length; ) {
      const piece = rest.slice(0, max);
      rest = rest.slice(max);
      if (current && current.length + 2 + piece.length > max) {
        parts.push(current);
        current = "";
      }
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  return current || !parts.length ? [...parts, current] : parts;
}

/**
 * The Answer as Teams messages: Markdown text with `[n]` markers, the
 * citations entity (with the AI-generated label when a model wrote it, and
 * the sensitivity label), the native feedback loop, follow-ups as suggested
 * actions (personal chat) or card buttons (group chats and channels), and
 * cut-short lists behind a toggle. Usually one message; a very long answer
 * is split, follow-ups and expansions on the last.
 */
export function answerActivities(answer: Answer, options: ReplyOptions): ReplyActivity[] {
  const usageInfo = sensitivityInfo(options);
  const { text, citations } = teamsCitations(answer, options.section, usageInfo);
  const parts = splitText(escapeHtml(text));
  const cards = [
    ...(options.scope === "personal" ? [] : [followUpCard(answer)]),
    expansionCard(answer),
    kitCard(answer, options.scope === "personal", options.publicUrl),
  ].filter((card) => card !== undefined);
  return parts.map((part, i): ReplyActivity => {
    const last = i === parts.length - 1;
    const marked = new Set([...part.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])));
    const entity = {
      type: "https://schema.org/Message",
      "@type": "Message",
      "@context": "https://schema.org",
      "@id": "",
      ...(answer.mode === "llm" ? { additionalType: ["AIGeneratedContent"] } : {}),
      citation: citations.filter((c) => marked.has(c.position)),
      ...(usageInfo ? { usageInfo } : {}),
    };
    return {
      type: "message",
      text: part,
      textFormat: "markdown",
      entities: [entity],
      channelData: { feedbackLoopEnabled: true },
      ...(last && cards.length ? { attachments: cards.map(asAttachment) } : {}),
      ...(last && options.scope === "personal" && answer.followUps.length
        ? {
            suggestedActions: {
              to: options.user ? [options.user] : [],
              actions: answer.followUps.slice(0, 3).map((q) => ({ type: "imBack" as const, title: q.length > 60 ? `${q.slice(0, 57)}…` : q, value: q })),
            },
          }
        : {}),
    };
  });
}
