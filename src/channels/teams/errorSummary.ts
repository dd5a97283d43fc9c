/**
 * One short line for the log about an error: the first issue of a validation
 * error, else the first line of the message. Never a stack, a body or a token.
 */
export function errorSummary(error: unknown): string {
  const issues = (error as { issues?: { path?: unknown[]; message?: string }[] })?.issues;
  if (Array.isArray(issues) && issues[0]) return `invalid ${(issues[0].path ?? []).join(".")}: ${issues[0].message ?? ""}`.slice(0, 200);
  const message = error instanceof Error ? error.message : String(error);
  return (message.trim().split("\n")[0] ?? "").slice(0, 200);
}
