import { CardFactory, type Attachment } from "botbuilder";
import type { Answer, Language } from "../../answer/answer.js";
import { answerId } from "../../answer/answerId.js";
import { sayIn } from "../shared/language.js";
import type { ButtonPayload } from "./buttonPayload.js";

/** Teams rejects messages above about 28 KB; cards stay well below that. */
export const MAX_CARD_BYTES = 20_000;

type Element = Record<string, unknown>;


function card(body: Element[], actions: Element[] = []): Attachment {
  return CardFactory.adaptiveCard({ type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", msteams: { width: "Full" }, body, ...(actions.length ? { actions } : {}) });
}

const text = (value: string, extra: Element = {}): Element => ({ type: "TextBlock", text: value, wrap: true, ...extra });

/**
 * Markdown paragraphs as TextBlocks: Adaptive Cards render bold, italic,
 * links and simple lists, but not one block that mixes them with blank lines.
 */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n{2,}/)
    .map((p) => p.replace(/^#+\s*/, "").trim())
    .filter(Boolean);
}

function sourcesBlock(answer: Answer): Element[] {
  if (!answer.citations.length) return [];
  const items = answer.citations.flatMap((citation, i): Element[] => {
    const id = `quote-${i}`;
    return [
      {
        type: "ColumnSet",
        columns: [
          { type: "Column", width: "stretch", items: [text(`**[${i + 1}] ${citation.section}**`, { size: "Small" }), text(citation.source, { size: "Small", isSubtle: true, spacing: "None" })] },
          ...(citation.quote ? [{ type: "Column", width: "auto", items: [{ type: "ActionSet", actions: [{ type: "Action.ToggleVisibility", title: sayIn(answer.language, "Citaat", "Quote"), targetElements: [id] }] }] }] : []),
        ],
      },
      ...(citation.quote ? [text(`“${citation.quote}”`, { id, isVisible: false, size: "Small", isSubtle: true, spacing: "None" })] : []),
    ];
  });
  return [{ type: "Container", separator: true, spacing: "Medium", items: [text(sayIn(answer.language, "Bronnen", "Sources"), { weight: "Bolder", size: "Small" }), ...items] }];
}

function actions(answer: Answer): Element[] {
  const id = answerId(answer);
  const followUps = answer.followUps.slice(0, 3).map((question) => ({ type: "Action.Submit", title: question, data: { action: "ask", question } satisfies ButtonPayload }));
  const vote = (value: "up" | "down", title: string) => ({ type: "Action.Submit", title, data: { action: "feedback", vote: value, answerId: id, question: answer.question } satisfies ButtonPayload });
  return [...followUps, vote("up", "👍"), vote("down", "👎")];
}

/**
 * An Answer as one or more Adaptive Cards: the text (split when it is long),
 * then the sources with their quotes on demand, follow-up buttons and
 * thumbs up/down on the last card.
 */
export function answerCards(answer: Answer): Attachment[] {
  const blocks = paragraphs(answer.answer).map((p) => text(p));
  const cards: Attachment[] = [];
  let current: Element[] = [];
  for (const block of blocks) {
    if (current.length && JSON.stringify([...current, block]).length > MAX_CARD_BYTES) {
      cards.push(card(current));
      current = [];
    }
    current.push(block);
  }
  cards.push(card([...current, ...sourcesBlock(answer)], actions(answer)));
  return cards;
}

export function welcomeCard(language: Language, examples: string[]): Attachment {
  return card(
    [
      text("Functiewijzer", { size: "Large", weight: "Bolder" }),
      text(sayIn(language, "Ik beantwoord vragen over functies, schalen, competenties, toetsvragen en ontwikkeltips uit de functiebeschrijvingen van jouw organisatie, met bronnen.", "I answer questions about jobs, scales, competencies, interview questions and development tips from your organisation's job descriptions, with sources.")),
      text(sayIn(language, "Probeer bijvoorbeeld:", "Try for example:"), { weight: "Bolder", spacing: "Medium" }),
    ],
    examples.map((question) => ({ type: "Action.Submit", title: question, data: { action: "ask", question } satisfies ButtonPayload })),
  );
}
