import type { Door, DoorDeps } from "../channels/door.js";
import type { SeenEvents } from "../state/seenEvents.js";

/** What the composition root hands every door: the door kit's dependencies and the shared event de-duplication. */
export type DoorContext = DoorDeps & { seenEvents: SeenEvents };

/**
 * A chat platform: the channel id its questions carry, and how its door is made from the configuration (null
 * or an "off" door when it is not configured). The door's module loads only when the door is made. Add a
 * platform: one folder under src/channels/ and one line below.
 */
export type DoorRegistration = { channel: string; create(context: DoorContext): Promise<Door | null> };

export const DOOR_REGISTRY = [
  { channel: "teams", create: async (context) => (await import("../channels/teams/index.js")).createTeamsDoor(context) },
  { channel: "slack", create: async (context) => (await import("../channels/slack/index.js")).createSlackDoor(context, { seenEvents: context.seenEvents }) },
] as const satisfies readonly DoorRegistration[];

/** Every channel a question can come from: the web chat and the command line, and each registered door. */
export const CHANNELS = ["web", "cli", ...DOOR_REGISTRY.map((door) => door.channel)] as const;

/** The doors of every registered platform, in registry order; platforms that are not configured are left out. */
export async function createDoors(context: DoorContext, registry: readonly DoorRegistration[] = DOOR_REGISTRY): Promise<Door[]> {
  const doors = await Promise.all(registry.map((registration) => registration.create(context)));
  return doors.filter((door): door is Door => door !== null);
}
