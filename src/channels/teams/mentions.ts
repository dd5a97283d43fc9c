/** The activity fields mention handling reads; plain data, checked defensively (it came from outside). */
export type MentionSource = {
  text?: string;
  recipient?: { id?: string };
  entities?: unknown[];
  conversation?: { conversationType?: string };
};

type MentionEntity = { type: "mention"; text?: string; mentioned?: { id?: string } };

const isMention = (entity: unknown): entity is MentionEntity =>
  typeof entity === "object" && entity !== null && String((entity as { type?: unknown }).type).toLowerCase() === "mention";

/** In channels and group chats the bot answers only when it is @mentioned. */
export function needsMention(activity: MentionSource): boolean {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat";
}

export function mentionsBot(activity: MentionSource): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && (activity.entities ?? []).some((entity) => isMention(entity) && entity.mentioned?.id === botId);
}

/** The question without the "<at>Functiewijzer</at>" mentions Teams puts in the text. */
export function questionText(activity: MentionSource): string {
  const text = activity.text ?? "";
  // One forward scan with indexOf (no regex backtracking, no re-copying): linear in the text, however hostile.
  const kept: string[] = [];
  let at = 0;
  for (let start = text.indexOf("<at", at); start >= 0; start = text.indexOf("<at", at)) {
    const close = text.indexOf("</at>", start);
    if (close < 0) break;
    kept.push(text.slice(at, start), " ");
    at = close + 5;
  }
  kept.push(text.slice(at));
  return kept.join("").replace(/\s+/g, " ").trim();
}
