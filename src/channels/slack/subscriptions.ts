/**
 * Everything the Slack door listens to or needs permission for, in one place,
 * so the manifest test can prove manifest/slack/manifest.yaml declares it all.
 * The handlers import these constants instead of repeating the strings.
 */

/** The slash command (manifest: features.slash_commands[].command). */
export const SLASH_COMMAND = "/functiewijzer";

/** Bot events the door handles (manifest: settings.event_subscriptions.bot_events). */
export const BOT_EVENTS = ["app_mention", "message.im", "assistant_thread_started", "assistant_thread_context_changed"] as const;

/** Bot token scopes the door's Web API calls and events need (manifest: oauth_config.scopes.bot). */
export const BOT_SCOPES = [
  "app_mentions:read", // app_mention
  "assistant:write", // assistant.threads.setStatus / setTitle / setSuggestedPrompts, assistant_thread_* events
  "chat:write", // chat.postMessage, chat.postEphemeral, chat.update, chat.startStream/appendStream/stopStream
  "commands", // /functiewijzer
  "im:history", // message.im, conversations.replies in assistant threads
  "im:read",
  "im:write",
  "reactions:write", // the ⏳ "working" reaction on a mention or DM while it is answered
  "usergroups:read", // usergroups.users.list: membership of the user groups knowledge/access.yaml names
  "files:write", // files.uploadV2: the interview kit (.docx) in the thread
] as const;

/** Action ids on the answer's buttons; a follow-up button's id ends in its index. */
export const FOLLOW_UP_ACTION_PREFIX = "fw_followup_";
export const FOLLOW_UP_ACTION = /^fw_followup_\d+$/;
/** Slack's native feedback_buttons element on every answer. */
export const FEEDBACK_ACTION = "fw_feedback";
/** The 👍/👎 buttons of answers posted before feedback_buttons; still honoured when clicked. */
export const FEEDBACK_ACTIONS = { up: "fw_feedback_up", down: "fw_feedback_down" } as const;
/** A source's "quote" button opens a modal; its id ends in the source's index. */
export const SOURCE_ACTION_PREFIX = "fw_source_";
export const SOURCE_ACTION = /^fw_source_\d+$/;
/** An interview answer's "interview kit" button uploads the role's .docx; its id ends in the kit's index. */
export const KIT_ACTION_PREFIX = "fw_kit_";
export const KIT_ACTION = /^fw_kit_\d+$/;
/** A shortened list's "…en 12 meer" button shows the rest in place; its id ends in the list's index. */
export const EXPAND_ACTION_PREFIX = "fw_expand_";
export const EXPAND_ACTION = /^fw_expand_\d+$/;
