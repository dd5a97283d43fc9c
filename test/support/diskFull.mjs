// Preloaded (node --import) into a child process to simulate a full disk under
// DISK_FULL_DIR: every write there goes to /dev/full, which fails with a real
// ENOSPC. Reads and everything outside that folder are untouched.
import fs from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";

const dir = resolve(process.env.DISK_FULL_DIR ?? "/nonexistent");
const full = (path) => (typeof path === "string" || path instanceof URL) && resolve(String(path)).startsWith(`${dir}/`);

const { writeFile } = fsp;
fsp.writeFile = (path, ...rest) => writeFile(full(path) ? "/dev/full" : path, ...rest);
const { createWriteStream } = fs;
fs.createWriteStream = (path, ...rest) => createWriteStream(full(path) ? "/dev/full" : path, ...rest);
syncBuiltinESMExports();
