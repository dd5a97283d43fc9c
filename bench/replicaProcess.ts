import { spawn, type ChildProcess } from "node:child_process";

export type Replica = {
  url: string;
  pid: number;
  /** Everything the process wrote on stderr (its JSON log lines and the start banner). */
  log: () => string;
  stop: () => Promise<void>;
};

/** Variables of the developer's shell that would change what a replica does. */
const FOREIGN = /^(OPENAI_|MICROSOFT_APP_|SLACK_|REDIS_|ADMIN_TOKEN|TRUST_PROXY)/;

/** How `npm start` runs the server: TypeScript through the tsx loader. */
const FROM_SOURCE = ["--import", "tsx", "src/server.ts"];

/**
 * One server process on a free port of 127.0.0.1, as a replica behind a load
 * balancer would run: `npm start` by default, or other node arguments (the
 * compiled `dist/src/server.js` of `npm run start:prod`).
 */
export async function startReplica(env: Record<string, string>, nodeArgs: string[] = FROM_SOURCE): Promise<Replica> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !FOREIGN.test(key)));
  const child: ChildProcess = spawn(process.execPath, nodeArgs, {
    env: { ...clean, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", EMBEDDINGS: "local", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout!.resume();
  child.stderr!.on("data", (data) => (stderr += data));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A process that never became ready must not outlive the caller's error.
      child.kill("SIGKILL");
      reject(new Error(`replica did not start: ${stderr.slice(-1000)}`));
    }, 90_000);
    const onData = () => {
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        child.stderr!.off("data", onData);
        resolve(match[1]!);
      }
    };
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited with ${code}: ${stderr.slice(-1000)}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    log: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
