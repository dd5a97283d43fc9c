import { followUps } from "../../compose/followUps.js";

/** After a looked-up fact: the shared next questions about the role. */
export const LOOKUP_FOLLOW_UPS = followUps("lookup", []);
