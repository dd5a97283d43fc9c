import type { Door, DoorDeps } from "../../http/door.js";

/** Placeholder until the Teams door lands: Teams is not mounted. */
export function createTeamsDoor(_deps: DoorDeps): Door | null {
  return null;
}
