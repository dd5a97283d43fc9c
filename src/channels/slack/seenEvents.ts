/**
 * Which Slack deliveries were already handled, so a replayed or retried event
 * (same event_id) is answered once: the shared-state store (in-process, or
 * Redis for several replicas) under the name the Slack door uses.
 */
export { LocalSeenEvents as InProcessSeenEvents, type SeenEvents } from "../../state/seenEvents.js";
