/**
 * Who is asking, as far as a door can vouch for it: the identities a chat
 * platform or a trusted proxy attests, never what a message claims. The
 * access policy (accessPolicy.ts) turns an audience into the document sets it
 * may use. `personal` says whether the answer is seen by the asker alone (a
 * DM, a personal chat, an ephemeral reply): only then do the asker's own
 * groups count; in a channel everyone reading it sees the answer, so the
 * channel decides.
 */
export type Audience =
  | { door: "web"; user?: string; email?: string; groups: string[] }
  | { door: "slack"; workspace?: string; channel?: string; personal: boolean; user?: string; usergroups: string[] }
  | { door: "teams"; tenant?: string; team?: string; channel?: string; personal: boolean; user?: string; groups: string[] }
  /** The command line: `--audience all|public|set1,set2`. */
  | { door: "cli"; sets: "all" | string[] }
  /** The admin page (and internal warm-up): every set. */
  | { door: "admin" };

/** The web chat without a trusted proxy's identity: the public sets only. */
export const ANONYMOUS: Audience = { door: "web", groups: [] };

export const ADMIN: Audience = { door: "admin" };

/** The set of the files directly in the knowledge folder: always public. */
export const ROOT_SET = "";

/** A document's set: the top-level folder it lies in under the knowledge folder (`hr-only/x.docx` → `hr-only`). */
export function setOfSource(source: string): string {
  const slash = source.indexOf("/");
  return slash < 0 ? ROOT_SET : source.slice(0, slash);
}

/** A stable string for one audience: part of every cache and conversation key that depends on what the asker may see. */
export function audienceKey(audience: Audience): string {
  const sorted = (list: string[]) => [...new Set(list)].sort().join(",");
  switch (audience.door) {
    case "web":
      return `web|${audience.user ?? ""}|${audience.email ?? ""}|${sorted(audience.groups)}`;
    case "slack":
      return `slack|${audience.workspace ?? ""}|${audience.personal ? `user:${audience.user ?? ""}` : `channel:${audience.channel ?? ""}`}|${sorted(audience.usergroups)}`;
    case "teams":
      return `teams|${audience.tenant ?? ""}|${audience.personal ? `user:${audience.user ?? ""}` : `channel:${audience.team ?? ""}/${audience.channel ?? ""}`}|${sorted(audience.groups)}`;
    case "cli":
      return `cli|${audience.sets === "all" ? "*" : sorted(audience.sets)}`;
    case "admin":
      return "admin";
  }
}
