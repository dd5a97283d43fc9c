import { basename } from "node:path";
import { Router } from "express";
import { z } from "zod";
import type { Assistant } from "../../domain/assistant.js";
import { KnowledgePathError, resolveKnowledgeFile } from "../knowledgeFile.js";
import { badRequest } from "./ask.js";
import { webAudience } from "../webAudience.js";

export const SectionQuery = z.object({
  source: z.string({ error: "source is required" }).min(1, "source is required").max(1000),
  section: z.string({ error: "section is required" }).max(2000),
});
export const DocumentQuery = z.object({ source: z.string({ error: "source is required" }).min(1, "source is required").max(1000) });

/** A file name as an RFC 5987 ext-value: percent-encoded, including the characters encodeURIComponent leaves. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * GET /section: the whole text of a cited section (for the citation dialog).
 * GET /document: the cited document itself, read-only, from the knowledge folder only.
 */
export function sourceRoutes(knowledgeDir: string, assistant: () => Assistant | undefined): Router {
  const router = Router();

  router.get("/section", (req, res) => {
    const parsed = SectionQuery.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    const section = ready.section(parsed.data.source, parsed.data.section, webAudience(req));
    if (!section) return void res.status(404).json({ error: "No such section." });
    res.json(section);
  });

  router.get("/document", async (req, res) => {
    const parsed = DocumentQuery.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    const { source } = parsed.data;
    try {
      const file = await resolveKnowledgeFile(knowledgeDir, source);
      // Only documents the index holds, and only those the asker's sets hold: a link into a set one may not
      // see gets the same 404 as a link to a file that does not exist.
      if (!ready.inventory(webAudience(req)).documents.some((doc) => doc.source === source)) throw new KnowledgePathError("No such document.", 404);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Disposition", `inline; filename*=UTF-8''${rfc5987(basename(source))}`);
      res.setHeader("Cache-Control", "private, no-cache");
      // A sandbox without scripts for everything the browser renders itself; PDF keeps the built-in viewer.
      res.setHeader(
        "Content-Security-Policy",
        file.contentType === "application/pdf" ? "default-src 'none'; frame-ancestors 'none'" : "sandbox; default-src 'none'; frame-ancestors 'none'",
      );
      res.sendFile(file.path, { dotfiles: "allow", headers: { "Content-Type": file.contentType } }, (error) => {
        if (error && !res.headersSent) res.status(404).json({ error: "No such document." });
      });
    } catch (error) {
      if (error instanceof KnowledgePathError) return void res.status(error.status).json({ error: error.message });
      throw error;
    }
  });

  return router;
}
