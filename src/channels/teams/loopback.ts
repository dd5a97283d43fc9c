/** Host names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const parts = h.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** True for an http(s) URL on a loopback host: the only replies an unauthenticated emulator may trigger. */
export function isLoopbackUrl(value: string | URL | null | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(String(value));
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}
