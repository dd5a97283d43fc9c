import type { Attachment } from "@microsoft/agents-activity";
import type { Answer, Language } from "../../domain/answer.js";
import { sayIn } from "../shared/language.js";
import { asAttachment, expansionCard, followUpCard, kitCard, plainLabel } from "./cards.js";
import { teamsCitations, type SectionLookup, type UsageInfo } from "./citations.js";

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

/** The one `@id` all our labels share: the message and its citations carry the same label. */
export const SENSITIVITY_ID = "sensitivity1";

export function sensitivityInfo(options: Pick<ReplyOptions, "sensitivityLabel" | "sensitivityDescription">): UsageInfo | undefined {
  if (!options.sensitivityLabel) return undefined;
  return {
    "@type": "CreativeWork",
    "@id": SENSITIVITY_ID,
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
  const cited = teamsCitations(answer, options.section, usageInfo);
  const { citations } = cited;
  // A list's "…and 8 more (ask "more")" line: the toggle below shows the rest, so the line says so without the hint.
  const text = (answer.expansions ?? []).slice(0, 5).reduce((t, expansion) => t.replace(expansion.label, `_${plainLabel(expansion.label)}_`), cited.text);
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
      // 👍/👎 rate answers; a greeting or the help text is not one.
      channelData: { feedbackLoopEnabled: answer.intent !== "help" },
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

type CitationEntity = { position?: number; appearance?: { name?: string; abstract?: string } };

/**
 * The same answer without what Teams may refuse (the citation entity, the
 * sensitivity label, cards): its sources become plain lines under the text,
 * the AI label and feedback stay. For a message Teams rejected with 400/413.
 */
export function plainReply(activity: Record<string, unknown>, language: Language): Record<string, unknown> {
  const entities = (activity.entities as Record<string, unknown>[] | undefined) ?? [];
  const message = entities.find((e) => e.type === "https://schema.org/Message");
  const citations = ((message?.citation as CitationEntity[] | undefined) ?? []).filter((c) => c.appearance?.name);
  const sources = citations.map((c) => `[${c.position}] ${c.appearance!.name}${c.appearance!.abstract ? ` — ${c.appearance!.abstract}` : ""}`);
  const text = String(activity.text ?? "");
  return {
    type: "message",
    text: sources.length ? `${text}\n\n${sayIn(language, "Bronnen", "Sources")}:\n\n${sources.map((line) => `- ${line}`).join("\n")}` : text,
    textFormat: "markdown",
    ...(message?.additionalType
      ? {
          entities: [
            { type: "https://schema.org/Message", "@type": "Message", "@context": "https://schema.org", "@id": "", additionalType: message.additionalType },
          ],
        }
      : {}),
    ...(activity.channelData ? { channelData: activity.channelData } : {}),
    ...(activity.suggestedActions ? { suggestedActions: activity.suggestedActions } : {}),
  };
}
