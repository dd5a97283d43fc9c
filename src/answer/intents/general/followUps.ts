import { followUps } from "../../compose/followUps.js";

/** After a general answer: the shared next questions about the role. */
export const GENERAL_FOLLOW_UPS = followUps("general", []);
