import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { MANIFEST_DIR, packageTeamsApp, validateLanguageFile, validateManifest } from "../../../src/channels/teams/package.js";
import { tempDir } from "../../support/knowledge.js";

const manifest = () => JSON.parse(readFileSync(join(MANIFEST_DIR, "manifest.json"), "utf8"));
const english = () => JSON.parse(readFileSync(join(MANIFEST_DIR, "en-us.json"), "utf8"));
const APP_ID = "12345678-1234-1234-1234-123456789abc";
const urls = { privacyUrl: "https://hr.example.org/privacy", termsUrl: "https://hr.example.org/voorwaarden", version: "1.4.2" };

describe("Teams app manifest and package", () => {
  it("uses the newest manifest schema the bundled validator has, and validates offline against it", async () => {
    const schemas = readdirSync(join(process.cwd(), "node_modules/@microsoft/app-manifest/build/json-schemas/teams"));
    const newest = schemas
      .filter((v) => /^v\d+\.\d+$/.test(v))
      .sort((a, b) => Number(a.slice(1).split(".")[1]) - Number(b.slice(1).split(".")[1]))
      .at(-1);
    expect(`v${manifest().manifestVersion}`).toBe(newest);
    expect(await validateManifest(manifest())).toEqual([]);
    const broken = manifest();
    delete broken.developer;
    broken.bots[0].scopes = ["everywhere"];
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
  });

  it("declares Dutch as the default language with an English language file, a Copilot custom engine agent, and no permissions it does not use", async () => {
    const m = manifest();
    expect(m.localizationInfo).toEqual({ defaultLanguageTag: "nl-nl", additionalLanguages: [{ languageTag: "en-us", file: "en-us.json" }] });
    expect(await validateLanguageFile(m.manifestVersion, english())).toEqual([]);
    expect(await validateLanguageFile(m.manifestVersion, { ...english(), "name.short": "x".repeat(31) })).not.toEqual([]);
    // Every command has its English title and description.
    m.bots[0].commandLists[0].commands.forEach((_: unknown, i: number) => {
      expect(english()[`bots[0].commandLists[0].commands[${i}].title`]).toBeTruthy();
      expect(english()[`bots[0].commandLists[0].commands[${i}].description`]).toBeTruthy();
    });
    expect(m.copilotAgents.customEngineAgents).toEqual([expect.objectContaining({ id: m.bots[0].botId, type: "bot" })]);
    expect(m.bots[0].scopes).toEqual(expect.arrayContaining(["personal", "copilot"]));
    expect(m.permissions).toBeUndefined();
  });

  it("packages the manifest, its language file and two icons, with the bot id, version and the organisation's URLs filled in", async () => {
    const out = join(tempDir("fw-teams-zip-"), "app.zip");
    await packageTeamsApp(APP_ID, out, { ...urls, validDomain: "bot.example.org", publisherName: "Gemeente Voorbeeld HR" });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "en-us.json", "manifest.json", "outline.png"]);
    const packed = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(await validateManifest(packed)).toEqual([]);
    expect(await validateLanguageFile(packed.manifestVersion, JSON.parse(await zip.file("en-us.json")!.async("string")))).toEqual([]);
    expect(packed.id).toBe(APP_ID);
    expect(packed.bots[0].botId).toBe(APP_ID);
    expect(packed.copilotAgents.customEngineAgents[0].id).toBe(APP_ID);
    expect(packed.version).toBe("1.4.2");
    expect(packed.developer).toMatchObject({
      name: "Gemeente Voorbeeld HR",
      privacyUrl: "https://hr.example.org/privacy",
      termsOfUseUrl: "https://hr.example.org/voorwaarden",
      websiteUrl: "https://hr.example.org",
    });
    expect(JSON.stringify(packed)).not.toContain(".invalid");
    expect(packed.validDomains).toEqual(["bot.example.org"]);
    const color = PNG.sync.read(Buffer.from(await zip.file("color.png")!.async("uint8array")));
    const outline = PNG.sync.read(Buffer.from(await zip.file("outline.png")!.async("uint8array")));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The outline icon is white on transparent, as Teams requires.
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...outline.data.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
  });

  it("refuses an app id that is not a GUID, and missing or placeholder privacy/terms URLs", async () => {
    await expect(packageTeamsApp("my-bot", join(tempDir(), "x.zip"), urls)).rejects.toThrow(/GUID/);
    await expect(packageTeamsApp(APP_ID, join(tempDir(), "x.zip"), { ...urls, privacyUrl: "" })).rejects.toThrow(/TEAMS_PRIVACY_URL/);
    await expect(packageTeamsApp(APP_ID, join(tempDir(), "x.zip"), { ...urls, termsUrl: "http://hr.example.org/terms" })).rejects.toThrow(/TEAMS_TERMS_URL/);
  });

  it("npm run package:teams reads the id, URLs and version from the environment and writes a zip that validates", async () => {
    const cwd = tempDir("fw-teams-cli-");
    const run = promisify(execFile);
    const { stderr } = await run(process.execPath, ["--import", "tsx", join(process.cwd(), "src/channels/teams/package.ts")], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        MICROSOFT_APP_ID: APP_ID,
        TEAMS_PRIVACY_URL: "https://hr.example.org/privacy",
        TEAMS_TERMS_URL: "https://hr.example.org/terms",
        TEAMS_APP_VERSION: "2.0.1",
        TEAMS_PACKAGE_OUT: join(cwd, "app.zip"),
      },
    });
    expect(stderr).toMatch(/Wrote .*app\.zip/);
    const packed = JSON.parse(await (await JSZip.loadAsync(readFileSync(join(cwd, "app.zip")))).file("manifest.json")!.async("string"));
    expect(packed.version).toBe("2.0.1");
    expect(await validateManifest(packed)).toEqual([]);
    const failed = await run(process.execPath, ["--import", "tsx", join(process.cwd(), "src/channels/teams/package.ts")], {
      cwd: process.cwd(),
      env: { ...process.env, MICROSOFT_APP_ID: "not-a-guid", TEAMS_PACKAGE_OUT: join(cwd, "b.zip") },
    }).catch((e: { stderr: string; code: number }) => e);
    expect("code" in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr.trim()).toBe(
      "Invalid configuration: MICROSOFT_APP_ID: must be the bot's Entra app id, a GUID like 00000000-0000-0000-0000-000000000000",
    );
  }, 60_000);
});
