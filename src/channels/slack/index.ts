import type { Door, DoorDeps } from "../../http/door.js";

/** Placeholder until the Slack door lands: Slack is not mounted. */
export function createSlackDoor(_deps: DoorDeps): Door | null {
  return null;
}
