import express from "express";
import type { Door, DoorDeps } from "../../http/door.js";
import { createAdapter } from "./adapter.js";
import { FunctiewijzerTeamsBot } from "./bot.js";

/**
 * The Teams door: Bot Framework activities on POST /api/messages. All
 * botbuilder code lives in this folder, so moving to the Microsoft 365 Agents
 * SDK (same Activity protocol) is a swap of this folder.
 */
export function createTeamsDoor(deps: DoorDeps): Door {
  const { config, logger } = deps;
  const adapter = createAdapter(config, logger);
  const bot = new FunctiewijzerTeamsBot(deps);
  const description = config.MICROSOFT_APP_ID
    ? `Teams      POST /api/messages (app ${config.MICROSOFT_APP_ID}, ${config.MICROSOFT_APP_TYPE})`
    : "Teams      POST /api/messages (emulator mode: no MICROSOFT_APP_ID, auth off)";
  return {
    description,
    mount(app) {
      app.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
        if (config.MICROSOFT_APP_ID && !/^Bearer \S+$/.test(String(req.headers.authorization ?? ""))) {
          // Reject before the SDK: no token, no turn.
          res.status(401).json({ error: "Missing or malformed Authorization header." });
          return;
        }
        try {
          await adapter.process(req, res, (context) => bot.run(context));
        } catch (error) {
          // The SDK throws (instead of answering) on activities it cannot parse.
          logger.warn({ err: (error as Error).message.split("\n")[0] }, "teams activity rejected");
          if (!res.headersSent) res.status(400).json({ error: "Invalid Bot Framework activity." });
        }
      });
    },
  };
}
