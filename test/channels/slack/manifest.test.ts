import { Ajv } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EVENTS_PATH } from "../../../src/channels/slack/app.js";
import { BOT_EVENTS, BOT_SCOPES, SLASH_COMMAND } from "../../../src/channels/slack/subscriptions.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object's type.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

const MANIFEST = fileURLToPath(new URL("../../../manifest/slack/manifest.yaml", import.meta.url));
/** Slack's schemas, copied into the repo (see schema/README.md) so CI needs no shared folder: the newest, and the one for major version 1. */
const SCHEMAS = ["2.0.0", "1.0.0"].map((version) => ({ version, path: fileURLToPath(new URL(`./schema/manifest.schema.${version}.json`, import.meta.url)) }));

type Manifest = {
  _metadata?: { major_version?: number };
  features: {
    slash_commands: { command: string; url: string }[];
    assistant_view?: unknown;
    agent_view: { agent_description: string; suggested_prompts: { message: string }[] };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
};

const manifest = (): Manifest => parse(readFileSync(MANIFEST, "utf8")) as Manifest;

function validator(path = SCHEMAS[0]!.path) {
  const schema = JSON.parse(readFileSync(path, "utf8")) as { $schema: string };
  // The schema uses non-standard keywords (regex, _note), hence strict: false.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}

describe("Slack app manifest", () => {
  it.each(SCHEMAS)("validates against Slack's official schema $version (draft-07)", ({ path }) => {
    const { schema, validate } = validator(path);
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(manifest()._metadata?.major_version).toBe(1);
    const ok = validate(manifest());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("uses agent_view, not the deprecated assistant_view, within the schema's limits", () => {
    const { features } = manifest();
    expect(features.assistant_view).toBeUndefined();
    expect(features.agent_view.agent_description.length).toBeLessThanOrEqual(300);
    expect(features.agent_view.suggested_prompts.length).toBeLessThanOrEqual(4);
    const { validate } = validator();
    const broken = manifest() as unknown as { features: { agent_view: { suggested_prompts: unknown[] } } };
    broken.features.agent_view.suggested_prompts = Array.from({ length: 5 }, () => ({ title: "t", message: "m" }));
    expect(validate(broken)).toBe(false);
  });

  it("the validator does catch mistakes", () => {
    const { validate } = validator();
    const broken = manifest() as unknown as Record<string, Record<string, unknown>>;
    broken.settings!.made_up_setting = true;
    (broken.features!.slash_commands as { command: string }[])[0]!.command = "functiewijzer";
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain("/settings");
    expect(paths).toContain("/features/slash_commands/0/command");
  });

  it("declares exactly the events, command and scopes the door uses", () => {
    const m = manifest();
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    expect(m.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it("sends events, interactivity and the command to the door's one endpoint; HTTP mode, single workspace", () => {
    const m = manifest();
    const urls = [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, ...m.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.org_deploy_enabled).toBe(false);
    expect(m.features.agent_view.suggested_prompts.length).toBeGreaterThan(0);
  });
});
