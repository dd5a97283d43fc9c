import { describe, expect, it } from "vitest";
import { teamsCloud } from "../../../src/channels/teams/cloud.js";
import { msalConnection } from "../../../src/channels/teams/tokenSource.js";
import { loadConfig } from "../../../src/platform/config.js";
import { tempDir } from "../../support/knowledge.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const APP = "5b1c7f0e-2d3a-4c5b-8e9f-0a1b2c3d4e5f";
const TENANT = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const error = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("Teams configuration", () => {
  it("defaults to a SingleTenant bot in the public cloud", () => {
    const config = loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: "secret" });
    expect(config.MICROSOFT_APP_TYPE).toBe("SingleTenant");
    expect(teamsCloud(config)).toEqual({
      tokenIssuer: "https://api.botframework.com",
      openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
      oauthEndpoint: "https://login.microsoftonline.com",
      channelService: "https://api.botframework.com",
      multiTenantTenant: "botframework.com",
    });
    expect(msalConnection(config, teamsCloud(config))).toMatchObject({
      clientId: APP,
      tenantId: TENANT,
      authType: "ClientSecret",
      clientSecret: "secret",
      authorityEndpoint: "https://login.microsoftonline.com",
    });
  });

  it("knows Azure China (21Vianet): its issuer, keys, login and channel service, and MultiTenant bots' tenant there", () => {
    const china = loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: "MultiTenant", MICROSOFT_APP_PASSWORD: "secret", MICROSOFT_CLOUD: "china" });
    expect(teamsCloud(china)).toEqual({
      tokenIssuer: "https://api.botframework.azure.cn",
      openIdMetadataUrl: "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
      oauthEndpoint: "https://login.partner.microsoftonline.cn",
      channelService: "https://api.botframework.azure.cn",
      multiTenantTenant: "microsoftservices.partner.onmschina.cn",
    });
    expect(msalConnection(china, teamsCloud(china))).toMatchObject({
      tenantId: "microsoftservices.partner.onmschina.cn",
      authorityEndpoint: "https://login.partner.microsoftonline.cn",
    });
  });

  it("knows the US Government cloud, and takes each endpoint from its own variable in a custom cloud", () => {
    const gov = loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_CLOUD: "usgov" });
    expect(teamsCloud(gov)).toEqual({
      tokenIssuer: "https://api.botframework.us",
      openIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      oauthEndpoint: "https://login.microsoftonline.us",
      channelService: "https://api.botframework.us",
      multiTenantTenant: "botframework.com",
    });
    // A managed identity needs no secret at all.
    expect(msalConnection(gov, teamsCloud(gov))).toEqual({
      clientId: APP,
      tenantId: TENANT,
      authType: "UserManagedIdentity",
      authorityEndpoint: "https://login.microsoftonline.us",
    });
    const custom = {
      MICROSOFT_CLOUD: "custom",
      MICROSOFT_TOKEN_ISSUER: "https://api.botframework.example",
      MICROSOFT_OPENID_METADATA_URL: "https://login.botframework.example/v1/.well-known/openidconfiguration",
      MICROSOFT_OAUTH_ENDPOINT: "https://login.example/",
      MICROSOFT_CHANNEL_SERVICE: "https://api.botframework.example",
    };
    expect(teamsCloud(loadConfig(custom))).toEqual({
      tokenIssuer: custom.MICROSOFT_TOKEN_ISSUER,
      openIdMetadataUrl: custom.MICROSOFT_OPENID_METADATA_URL,
      oauthEndpoint: "https://login.example",
      channelService: custom.MICROSOFT_CHANNEL_SERVICE,
      multiTenantTenant: "botframework.com",
    });
  });

  it("rejects bad combinations at start with one line naming the variable", () => {
    const base = { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: "secret" };
    const cases: [Record<string, string>, string][] = [
      [
        { ...base, MICROSOFT_APP_ID: "my-bot" },
        "Invalid configuration: MICROSOFT_APP_ID: must be the bot's Entra app id, a GUID like 00000000-0000-0000-0000-000000000000",
      ],
      [
        { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "secret" },
        "Invalid configuration: MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is SingleTenant",
      ],
      [
        { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: "UserAssignedMSI" },
        "Invalid configuration: MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is UserAssignedMSI",
      ],
      [
        { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TENANT_ID: TENANT },
        "Invalid configuration: MICROSOFT_APP_PASSWORD: required for a SingleTenant bot (or set MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE, or use MICROSOFT_APP_TYPE=UserAssignedMSI)",
      ],
      [
        { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: "MultiTenant" },
        "Invalid configuration: MICROSOFT_APP_PASSWORD: required for a MultiTenant bot (or set MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE, or use MICROSOFT_APP_TYPE=UserAssignedMSI)",
      ],
      [
        { ...base, MICROSOFT_APP_TYPE: "UserAssignedMSI" },
        "Invalid configuration: MICROSOFT_APP_PASSWORD: not used with a managed identity (UserAssignedMSI); remove it",
      ],
      [
        { ...base, MICROSOFT_APP_TYPE: "Federated" },
        'Invalid configuration: MICROSOFT_APP_TYPE: Invalid option: expected one of "SingleTenant"|"UserAssignedMSI"|"MultiTenant"',
      ],
      [
        { ...base, MICROSOFT_APP_TENANT_ID: "not a tenant" },
        "Invalid configuration: MICROSOFT_APP_TENANT_ID: must be the Entra tenant id (a GUID) or its domain, e.g. contoso.onmicrosoft.com",
      ],
      [{ MICROSOFT_APP_PASSWORD: "secret" }, "Invalid configuration: MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set"],
      [
        { ...base, MICROSOFT_APP_CERT_PEM_FILE: "/nonexistent/cert.pem" },
        "Invalid configuration: MICROSOFT_APP_CERT_KEY_FILE: a certificate needs both MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE",
      ],
      [
        { MICROSOFT_CLOUD: "custom", MICROSOFT_TOKEN_ISSUER: "https://api.botframework.example" },
        "Invalid configuration: MICROSOFT_OPENID_METADATA_URL: required when MICROSOFT_CLOUD is custom",
      ],
      [{ MICROSOFT_CLOUD: "mars" }, 'Invalid configuration: MICROSOFT_CLOUD: Invalid option: expected one of "public"|"usgov"|"china"|"custom"'],
      [
        { MICROSOFT_OPENID_METADATA_URL: "http://keys.example.org/openid" },
        "Invalid configuration: MICROSOFT_OPENID_METADATA_URL: must be an https URL (http only on a loopback address)",
      ],
      [{ MICROSOFT_OAUTH_ENDPOINT: "not a url" }, "Invalid configuration: MICROSOFT_OAUTH_ENDPOINT: must be a URL"],
      [{ TEAMS_PRIVACY_URL: "http://example.org/privacy" }, "Invalid configuration: TEAMS_PRIVACY_URL: must be an https URL"],
      [{ TEAMS_APP_VERSION: "1.2" }, "Invalid configuration: TEAMS_APP_VERSION: must be a version like 1.2.3"],
      [{ TEAMS_SENSITIVITY_LABEL: "x".repeat(65) }, "Invalid configuration: TEAMS_SENSITIVITY_LABEL: Too big: expected string to have <=64 characters"],
    ];
    for (const [env, message] of cases) expect(error(env), JSON.stringify(env)).toBe(message);
  });

  it("uses a certificate when both files exist", () => {
    const dir = tempDir("fw-cert-");
    writeFileSync(join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    writeFileSync(join(dir, "key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    const config = loadConfig({
      MICROSOFT_APP_ID: APP,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_CERT_PEM_FILE: join(dir, "cert.pem"),
      MICROSOFT_APP_CERT_KEY_FILE: join(dir, "key.pem"),
    });
    expect(msalConnection(config, teamsCloud(config))).toMatchObject({
      authType: "Certificate",
      certPemFile: join(dir, "cert.pem"),
      certKeyFile: join(dir, "key.pem"),
    });
    expect(
      error({
        MICROSOFT_APP_ID: APP,
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_CERT_PEM_FILE: join(dir, "missing.pem"),
        MICROSOFT_APP_CERT_KEY_FILE: join(dir, "key.pem"),
      }),
    ).toBe(`Invalid configuration: MICROSOFT_APP_CERT_PEM_FILE: file not found: ${join(dir, "missing.pem")}`);
  });
});
