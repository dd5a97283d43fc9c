import { TurnContext, type Activity } from "botbuilder";

/** In channels and group chats the bot answers only when it is @mentioned. */
export function needsMention(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat";
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === botId);
}

/** The question without the "<at>Functiewijzer</at>" mention Teams puts in the text. */
export function questionText(activity: Partial<Activity>): string {
  const text = mentionsBot(activity) ? TurnContext.removeRecipientMention(activity) : (activity.text ?? "");
  return (text ?? "").replace(/<at>[^<]*<\/at>/g, "").replace(/\s+/g, " ").trim();
}
