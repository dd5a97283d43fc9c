/**
 * Everything the Slack door listens to or needs permission for, in one place,
 * so the manifest test can prove manifest/slack/manifest.yaml declares it all.
 * The handlers import these constants instead of repeating the strings.
 */

/** The slash command (manifest: features.slash_commands[].command). */
export const SLASH_COMMAND = "/functiewijzer";

/** Bot events the door handles (manifest: settings.event_subscriptions.bot_events). */
export const BOT_EVENTS = [
  "app_mention",
  "message.im",
  "assistant_thread_started",
  "assistant_thread_context_changed",
] as const;

/** Bot token scopes the door's Web API calls and events need (manifest: oauth_config.scopes.bot). */
export const BOT_SCOPES = [
  "app_mentions:read", // app_mention
  "assistant:write", // assistant.threads.setStatus / setTitle / setSuggestedPrompts, assistant_thread_* events
  "chat:write", // chat.postMessage, chat.postEphemeral
  "commands", // /functiewijzer
  "im:history", // message.im, conversations.replies in assistant threads
  "im:read",
  "im:write",
] as const;

/** Action ids on the answer's buttons; a follow-up button's id ends in its index. */
export const FOLLOW_UP_ACTION_PREFIX = "fw_followup_";
export const FOLLOW_UP_ACTION = /^fw_followup_\d+$/;
export const FEEDBACK_ACTIONS = { up: "fw_feedback_up", down: "fw_feedback_down" } as const;
