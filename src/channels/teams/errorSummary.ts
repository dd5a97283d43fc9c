/**
 * One short line for the log about an error: the first issue of a validation
 * error, an HTTP error's status, else the first line of the message. Never a
 * stack, a response body or a token.
 */
export function errorSummary(error: unknown): string {
  const issues = (error as { issues?: { path?: unknown[]; message?: string }[] })?.issues;
  if (Array.isArray(issues) && issues[0]) return `invalid ${(issues[0].path ?? []).join(".")}: ${issues[0].message ?? ""}`.slice(0, 200);
  const message = error instanceof Error ? error.message : String(error);
  // The SDK's HTTP errors append the response body: whatever the serviceUrl answered is not ours to log.
  const status = /^Request failed with status \d{3}/.exec(message);
  if (status) return status[0];
  return (message.trim().split("\n")[0] ?? "").slice(0, 200);
}
