import { CardFactory } from "@microsoft/agents-hosting";
import type { Attachment } from "@microsoft/agents-activity";
import type { Answer, Language } from "../../domain/answer.js";
import { message } from "../../vocabulary/messages.js";
import { kitRoles } from "../shared/kitRoles.js";
import { sayIn } from "../shared/language.js";
import type { ButtonPayload } from "./buttonPayload.js";

/** Adaptive Cards as Teams renders them (desktop, web and mobile support 1.5). */
export const CARD_VERSION = "1.5";

export type CardElement = Record<string, unknown>;
export type AdaptiveCard = { type: "AdaptiveCard"; version: string; body: CardElement[]; actions?: CardElement[]; [key: string]: unknown };

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    msteams: { width: "Full" },
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export const asAttachment = (card: AdaptiveCard): Attachment => CardFactory.adaptiveCard(card);

/** Our own words, where Markdown is intended. */
const markdownBlock = (value: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text: value, wrap: true, ...extra });

/** Text from documents or users: a TextRun is never parsed as Markdown, so it cannot turn into a link or formatting. */
export const plainBlock = (value: string, extra: CardElement = {}): CardElement => ({
  type: "RichTextBlock",
  inlines: [{ type: "TextRun", text: value, ...extra }],
});

/**
 * A button that puts `question` in the conversation as the user's message
 * (messageBack with displayText) and sends it to the bot as a payload, so it
 * is answered in channels too, without an @mention.
 */
export function askAction(question: string): CardElement {
  const data: ButtonPayload & { msteams: unknown } = { action: "ask", question, msteams: { type: "messageBack", displayText: question, text: question } };
  return { type: "Action.Submit", title: question.length > 60 ? `${question.slice(0, 57)}…` : question, data };
}

/** Follow-up questions as buttons: for group chats and channels, where suggested actions do not show. */
export function followUpCard(answer: Pick<Answer, "followUps" | "language">): AdaptiveCard | undefined {
  const questions = answer.followUps.slice(0, 3);
  if (!questions.length) return undefined;
  return adaptiveCard(
    [markdownBlock(sayIn(answer.language, "Vervolgvragen", "Follow-up questions"), { size: "Small", weight: "Bolder", isSubtle: true })],
    questions.map(askAction),
  );
}

/**
 * An expansion's label as Teams shows it on a button: no Markdown emphasis,
 * and no "(ask "more")" hint, since the toggle itself shows the rest.
 */
export function plainLabel(label: string): string {
  return label
    .replace(/\s*\([^()]*"[^"()]*"[^()]*\)/g, "")
    .replace(/[*_`]/g, "")
    .trim();
}

/**
 * The rest of lists the answer cut short ("…en 12 meer"), hidden behind a
 * toggle so the chat stays readable and nothing needs another round trip.
 */
export function expansionCard(answer: Pick<Answer, "expansions" | "language">): AdaptiveCard | undefined {
  const expansions = (answer.expansions ?? []).slice(0, 5);
  if (!expansions.length) return undefined;
  const body = expansions.flatMap((expansion, i): CardElement[] => [
    {
      type: "ActionSet",
      actions: [
        {
          type: "Action.ToggleVisibility",
          title: `${sayIn(answer.language, "Toon", "Show")}: ${plainLabel(expansion.label).slice(0, 60)}`,
          targetElements: [`expansion-${i}`],
        },
      ],
    },
    { type: "Container", id: `expansion-${i}`, isVisible: false, items: [markdownBlock(expansion.markdown.slice(0, 8000))] },
  ]);
  return adaptiveCard(body);
}

export function welcomeCard(language: Language, examples: string[]): AdaptiveCard {
  return adaptiveCard(
    [
      markdownBlock("Functiewijzer", { size: "Large", weight: "Bolder" }),
      markdownBlock(
        sayIn(
          language,
          "Ik beantwoord vragen over functies, schalen, competenties, toetsvragen en ontwikkeltips uit de functiebeschrijvingen van jouw organisatie, met bronnen. Antwoorden kunnen fouten bevatten: controleer de bron.",
          "I answer questions about jobs, scales, competencies, interview questions and development tips from your organisation's job descriptions, with sources. Answers may contain mistakes: check the source.",
        ),
      ),
      markdownBlock(sayIn(language, "Typ **nieuw gesprek** om opnieuw te beginnen.", "Type **new conversation** to start over."), {
        isSubtle: true,
        size: "Small",
        spacing: "Medium",
      }),
      // Last, right above the example buttons it introduces.
      markdownBlock(sayIn(language, "Probeer bijvoorbeeld:", "Try for example:"), { weight: "Bolder", spacing: "Medium" }),
    ],
    examples.map(askAction),
  );
}

/** The pop-up behind a citation marker: document, section and the section's text (as data, not Markdown). */
export function citationCard(citation: { title: string; section: string; source: string; text?: string }): AdaptiveCard {
  // One block per line: a TextRun does not keep line breaks, and a section's lists must stay lists.
  const lines = (citation.text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return adaptiveCard([
    plainBlock(citation.title, { weight: "Bolder" }),
    plainBlock(citation.section, { isSubtle: true }),
    ...lines.map((line, i) => ({ ...plainBlock(line), spacing: i === 0 ? "Medium" : "None" })),
    plainBlock(citation.source, { isSubtle: true, size: "Small" }),
  ]);
}

/**
 * Under an interview answer: the kit per role. In personal chat a button
 * (the bot then asks consent to put the .docx in the user's OneDrive); in
 * group chats and channels, where a bot cannot send files, a link to the web
 * download when the web chat's public address is configured.
 */
export function kitCard(
  answer: Pick<Answer, "intent" | "answered" | "citations" | "language">,
  personal: boolean,
  publicUrl?: string,
): AdaptiveCard | undefined {
  const label = (role: string) => `📄 ${message(answer.language, "kit.link")}: ${role}`;
  const actions = kitRoles(answer).flatMap((role): CardElement[] => {
    if (personal) return [{ type: "Action.Submit", title: label(role), data: { action: "kit", role, language: answer.language } satisfies ButtonPayload }];
    if (!publicUrl) return [];
    const query = new URLSearchParams({ role, language: answer.language });
    return [{ type: "Action.OpenUrl", title: label(role), url: `${publicUrl}/api/interview-kit?${query}` }];
  });
  return actions.length
    ? adaptiveCard([markdownBlock(message(answer.language, "kit.link"), { size: "Small", weight: "Bolder", isSubtle: true })], actions)
    : undefined;
}
