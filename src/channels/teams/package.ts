import { readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { runCli } from "../../cli/common.js";
import { loadConfig } from "../../config.js";
import { colorIcon, outlineIcon } from "./icons.js";

export const MANIFEST_DIR = resolve("manifest/teams");
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bundled JSON schema for the manifest's version: validation needs no network. */
export async function bundledSchema(manifestVersion: string): Promise<object> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return JSON.parse(await readFile(join(root, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json"), "utf8")) as object;
}

export async function validateManifest(manifest: { manifestVersion: string }): Promise<string[]> {
  const schema = await bundledSchema(manifest.manifestVersion);
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}

/**
 * The zip a Teams admin uploads: the manifest with this bot's id filled in,
 * and the two icons. Validated against the official schema first.
 */
export async function packageTeamsApp(appId: string, outFile: string, options: { validDomain?: string } = {}): Promise<{ file: string; manifest: Record<string, unknown> }> {
  if (!GUID.test(appId)) throw new Error(`MICROSOFT_APP_ID must be the bot's Azure app id (a GUID), not "${appId}"`);
  const manifest = JSON.parse((await readFile(join(MANIFEST_DIR, "manifest.json"), "utf8")).replaceAll(PLACEHOLDER_ID, appId)) as Record<string, unknown> & { manifestVersion: string };
  if (options.validDomain) manifest.validDomains = [options.validDomain];
  const errors = await validateManifest(manifest);
  if (errors.length) throw new Error(`manifest/teams/manifest.json is not valid: ${errors.join("; ")}`);
  const zip = new JSZip();
  zip.file("manifest.json", JSON.stringify(manifest, null, 2));
  zip.file("color.png", await readFile(join(MANIFEST_DIR, "color.png")));
  zip.file("outline.png", await readFile(join(MANIFEST_DIR, "outline.png")));
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { file: outFile, manifest };
}

/** Writes the icons into manifest/teams (run once; they are committed). */
export async function writeIcons(dir = MANIFEST_DIR): Promise<void> {
  await writeFile(join(dir, "color.png"), colorIcon());
  await writeFile(join(dir, "outline.png"), outlineIcon());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    if (process.argv.includes("--icons")) return writeIcons();
    const config = loadConfig();
    if (!config.MICROSOFT_APP_ID) throw new Error("set MICROSOFT_APP_ID to the bot's app id: MICROSOFT_APP_ID=<guid> npm run package:teams");
    const { file } = await packageTeamsApp(config.MICROSOFT_APP_ID, resolve("dist/functiewijzer-teams.zip"), { validDomain: process.env.TEAMS_VALID_DOMAIN });
    process.stderr.write(`Wrote ${file}: upload it in Teams admin center → Manage apps → Upload.\n`);
  });
}
