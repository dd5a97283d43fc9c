import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { AccessPolicySchema, type AccessPolicy } from "../domain/accessPolicy.js";
import type { Logger } from "../platform/logger.js";

/** Who may use which document set: `knowledge/access.yaml`. */
export const ACCESS_FILE = "access.yaml";

/**
 * The policy as read: none (no file: every set public), a policy, or an
 * error. An unreadable file fails closed: only the root set is served (and
 * admins see all) until it is fixed.
 */
export type AccessState = { policy?: AccessPolicy; error?: string };

/** Reads and validates access.yaml once. */
export function readAccessFile(knowledgeDir: string): AccessState {
  const file = join(knowledgeDir, ACCESS_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    return { error: `${ACCESS_FILE}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  let raw: unknown;
  try {
    // maxAliasCount bounds alias expansion: the file is edited by hand.
    raw = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { error: `${ACCESS_FILE}: not valid YAML (${(error as Error).message.split("\n")[0]})` };
  }
  const parsed = AccessPolicySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${ACCESS_FILE}: ${issue.path.join(".") || "(top)"}: ${issue.message}` };
  }
  return { policy: parsed.data };
}

/**
 * access.yaml as it is now: each call checks the file's identity (inode,
 * size, modification time: one stat of a small file) and re-reads it when it
 * changed, so an edit takes effect at the next question, without a restart and
 * without re-embedding (the sets' audiences are not in the index).
 */
export class AccessFile {
  private seen = "";
  private state: AccessState = {};

  constructor(
    private readonly knowledgeDir: string,
    private readonly logger?: Logger,
  ) {}

  current(): AccessState {
    let identity: string;
    try {
      const info = statSync(join(this.knowledgeDir, ACCESS_FILE), { bigint: true });
      identity = `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    } catch {
      identity = "absent";
    }
    if (identity !== this.seen) {
      this.seen = identity;
      this.state = identity === "absent" ? {} : readAccessFile(this.knowledgeDir);
      if (this.state.error) this.logger?.error({ err: this.state.error }, "access.yaml is invalid: only the root set is served until it is fixed");
      else if (identity !== "absent") this.logger?.info({ sets: Object.keys(this.state.policy?.sets ?? {}).length }, "access.yaml read");
    }
    return this.state;
  }
}
