import { readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import JSZip from "jszip";
import { runCli } from "../../platform/runCli.js";
import { loadTeamsPackageConfig } from "../../platform/config.js";
import { colorIcon, outlineIcon } from "./icons.js";

export const MANIFEST_DIR = resolve("manifest/teams");
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Manifest = Record<string, unknown> & {
  manifestVersion: string;
  version: string;
  developer: Record<string, string>;
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
};

/** The bundled JSON schemas for the manifest's version: validation needs no network. */
async function bundledSchema(manifestVersion: string, file = "MicrosoftTeams.schema.json"): Promise<object> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return JSON.parse(await readFile(join(root, "build", "json-schemas", "teams", `v${manifestVersion}`, file), "utf8")) as object;
}

export async function validateManifest(manifest: { manifestVersion: string }): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as never, (await bundledSchema(manifest.manifestVersion)) as never);
}

/**
 * A language file (manifest/teams/<tag>.json) against the bundled
 * localization schema. Its patterns are not valid as Unicode regular
 * expressions, so it is compiled here without the `u` flag (the manifest
 * validator cannot be told to).
 */
export async function validateLanguageFile(manifestVersion: string, strings: object): Promise<string[]> {
  // CommonJS modules: their class and plugin are the `default` export.
  const ajv = new ajvDraft04.default({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv, ["uri"]);
  const validate = ajv.compile(await bundledSchema(manifestVersion, "MicrosoftTeams.Localization.schema.json"));
  return validate(strings) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "invalid"}`);
}

export type PackageOptions = {
  /** Where the Teams admin and users read the organisation's privacy statement and terms (https). */
  privacyUrl: string;
  termsUrl: string;
  websiteUrl?: string;
  /** The publisher Teams shows (developer.name); the manifest's own by default. */
  publisherName?: string;
  /** The app version Teams shows and compares on upload (x.y.z). */
  version: string;
  /** The bot's public host name, if the app should trust links to it. */
  validDomain?: string;
};

/**
 * The zip a Teams admin uploads: the manifest with this bot's id, version
 * and the organisation's URLs filled in, its language files, and the two
 * icons. Everything is validated against the bundled schemas first.
 */
export async function packageTeamsApp(appId: string, outFile: string, options: PackageOptions): Promise<{ file: string; manifest: Manifest }> {
  if (!GUID.test(appId)) throw new Error(`MICROSOFT_APP_ID must be the bot's Entra app id (a GUID), not "${appId}"`);
  for (const [name, url] of [
    ["TEAMS_PRIVACY_URL", options.privacyUrl],
    ["TEAMS_TERMS_URL", options.termsUrl],
  ] as const) {
    if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(url ?? "") || url.includes(".invalid"))
      throw new Error(`${name} must be the https address of your organisation's page (Teams shows it to every user)`);
  }
  const manifest = JSON.parse((await readFile(join(MANIFEST_DIR, "manifest.json"), "utf8")).replaceAll(PLACEHOLDER_ID, appId)) as Manifest;
  manifest.version = options.version;
  manifest.developer = {
    ...manifest.developer,
    ...(options.publisherName ? { name: options.publisherName } : {}),
    privacyUrl: options.privacyUrl,
    termsOfUseUrl: options.termsUrl,
    websiteUrl: options.websiteUrl ?? new URL(options.privacyUrl).origin,
  };
  manifest.validDomains = options.validDomain ? [options.validDomain] : [];
  const errors = await validateManifest(manifest);
  if (errors.length) throw new Error(`manifest/teams/manifest.json is not valid: ${errors.join("; ")}`);
  const zip = new JSZip();
  zip.file("manifest.json", JSON.stringify(manifest, null, 2));
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const strings = JSON.parse(await readFile(join(MANIFEST_DIR, file), "utf8")) as object;
    const problems = await validateLanguageFile(manifest.manifestVersion, strings);
    if (problems.length) throw new Error(`manifest/teams/${file} is not valid: ${problems.join("; ")}`);
    zip.file(file, JSON.stringify(strings, null, 2));
  }
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
    const config = loadTeamsPackageConfig();
    if (!config.MICROSOFT_APP_ID)
      throw new Error(
        "set MICROSOFT_APP_ID to the bot's app id: MICROSOFT_APP_ID=<guid> TEAMS_PRIVACY_URL=https://… TEAMS_TERMS_URL=https://… npm run package:teams",
      );
    const { version } = JSON.parse(await readFile(resolve("package.json"), "utf8")) as { version: string };
    const { file } = await packageTeamsApp(config.MICROSOFT_APP_ID, resolve(process.env.TEAMS_PACKAGE_OUT ?? "dist/functiewijzer-teams.zip"), {
      privacyUrl: config.TEAMS_PRIVACY_URL ?? "",
      termsUrl: config.TEAMS_TERMS_URL ?? "",
      websiteUrl: config.TEAMS_WEBSITE_URL,
      publisherName: config.TEAMS_PUBLISHER_NAME,
      version: config.TEAMS_APP_VERSION ?? version,
      validDomain: config.TEAMS_VALID_DOMAIN,
    });
    process.stderr.write(
      `Wrote ${file}: upload it in Teams admin center → Teams apps → Manage apps → Upload new app (or sideload it in Teams → Apps → Manage your apps → Upload an app).\n`,
    );
  });
}
