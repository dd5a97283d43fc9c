import type { Config } from "../platform/config.js";

/** Every page and endpoint the server offers, as the start banner lists them (the admin page only when it is on). */
export function servedPages(config: Pick<Config, "HOST"> & { ADMIN_TOKEN?: string }, port: number): string[] {
  const base = `http://${config.HOST}:${port}`;
  return [
    `  web chat   ${base}/`,
    config.ADMIN_TOKEN ? `  insights   ${base}/admin   (sign in with ADMIN_TOKEN)` : "  insights   off (set ADMIN_TOKEN for /admin)",
    `  JSON API   POST /api/ask · /api/ask/stream · /api/feedback · GET /api/examples /api/section /api/document${config.ADMIN_TOKEN ? " · POST /api/reindex" : ""}`,
    `  API docs   ${base}/openapi.json   ·   health GET /healthz /readyz`,
  ];
}
