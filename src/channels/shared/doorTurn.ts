import { AsyncLocalStorage } from "node:async_hooks";

/** Who a door is answering right now: set by the door's first middleware, read by the shared ones (per-user limits). */
export type DoorTurn = { user?: string };

const turns = new AsyncLocalStorage<DoorTurn>();

/** Runs `work` (and everything it awaits) as the turn of `turn.user`. */
export function withDoorTurn<T>(turn: DoorTurn, work: () => T): T {
  return turns.run(turn, work);
}

export function currentDoorTurn(): DoorTurn | undefined {
  return turns.getStore();
}
