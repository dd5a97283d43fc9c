import type { Config } from "../../platform/config.js";

/** Where a bot's tokens come from and go to, per Microsoft cloud. */
export type TeamsCloud = {
  /** The `iss` of the tokens Azure Bot Service sends to the bot. */
  tokenIssuer: string;
  /** The OpenID document whose `jwks_uri` lists the keys those tokens are signed with. */
  openIdMetadataUrl: string;
  /** The Entra login endpoint the bot gets its own tokens from (MSAL authority without the tenant). */
  oauthEndpoint: string;
  /** The audience of the bot's own tokens when it replies (the channel service). */
  channelService: string;
  /** The Entra tenant MultiTenant bots get their tokens from. */
  multiTenantTenant: string;
};

const PRESETS: Record<"public" | "usgov" | "china", TeamsCloud> = {
  public: {
    tokenIssuer: "https://api.botframework.com",
    openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
    oauthEndpoint: "https://login.microsoftonline.com",
    channelService: "https://api.botframework.com",
    multiTenantTenant: "botframework.com",
  },
  // Azure Government (GCC High and DoD); GCC (moderate) tenants use the public cloud.
  usgov: {
    tokenIssuer: "https://api.botframework.us",
    openIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
    oauthEndpoint: "https://login.microsoftonline.us",
    channelService: "https://api.botframework.us",
    multiTenantTenant: "botframework.com",
  },
  // Azure operated by 21Vianet: docs.azure.cn "Deploy bots to Azure China" (login URL and OAuth scope) and the
  // Microsoft Teams SDK's CloudEnvironment.China (issuer, OpenID metadata, login tenant).
  china: {
    tokenIssuer: "https://api.botframework.azure.cn",
    openIdMetadataUrl: "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
    oauthEndpoint: "https://login.partner.microsoftonline.cn",
    channelService: "https://api.botframework.azure.cn",
    multiTenantTenant: "microsoftservices.partner.onmschina.cn",
  },
};

/** The cloud's endpoints: the preset, with any endpoint the configuration names instead. (config.ts makes "custom" name all four.) */
export function teamsCloud(config: Config): TeamsCloud {
  const preset = PRESETS[config.MICROSOFT_CLOUD === "custom" ? "public" : config.MICROSOFT_CLOUD];
  const trim = (url: string) => url.replace(/\/+$/, "");
  return {
    tokenIssuer: config.MICROSOFT_TOKEN_ISSUER ?? preset.tokenIssuer,
    openIdMetadataUrl: config.MICROSOFT_OPENID_METADATA_URL ?? preset.openIdMetadataUrl,
    oauthEndpoint: trim(config.MICROSOFT_OAUTH_ENDPOINT ?? preset.oauthEndpoint),
    channelService: trim(config.MICROSOFT_CHANNEL_SERVICE ?? preset.channelService),
    multiTenantTenant: preset.multiTenantTenant,
  };
}
