import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { MANIFEST_DIR, packageTeamsApp, validateManifest } from "../../../src/channels/teams/package.js";
import { tempDir } from "../../support/knowledge.js";

const manifest = () => JSON.parse(readFileSync(join(MANIFEST_DIR, "manifest.json"), "utf8"));

describe("Teams app manifest and package", () => {
  it("validates offline against the official schema, and the validator does catch mistakes", async () => {
    expect(await validateManifest(manifest())).toEqual([]);
    const broken = manifest();
    delete broken.developer;
    broken.bots[0].scopes = ["everywhere"];
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
  });

  it("packages exactly the manifest and two icons of the right sizes, with the bot id filled in", async () => {
    const out = join(tempDir("fw-teams-zip-"), "app.zip");
    await packageTeamsApp("12345678-1234-1234-1234-123456789abc", out, { validDomain: "bot.example.org" });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const packed = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(packed.id).toBe("12345678-1234-1234-1234-123456789abc");
    expect(packed.bots[0].botId).toBe("12345678-1234-1234-1234-123456789abc");
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

  it("refuses an app id that is not a GUID", async () => {
    await expect(packageTeamsApp("my-bot", join(tempDir(), "x.zip"))).rejects.toThrow(/GUID/);
  });
});
