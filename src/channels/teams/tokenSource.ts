import { AuthType, MsalTokenProvider, type AuthConfiguration } from "@microsoft/agents-hosting";
import type { Config } from "../../platform/config.js";
import type { TeamsCloud } from "./cloud.js";

/** Gets the bot's own access token for replying to the channel service. */
export interface AccessTokenSource {
  getAccessToken(audience: string): Promise<string>;
}

/**
 * The bot's credentials from our configuration, for the SDK's MSAL provider:
 * client secret or certificate for Single/MultiTenant, or a user-assigned
 * managed identity (no secret at all).
 */
export function msalConnection(config: Config, cloud: TeamsCloud): AuthConfiguration {
  const managedIdentity = config.MICROSOFT_APP_TYPE === "UserAssignedMSI";
  const certificate = Boolean(config.MICROSOFT_APP_CERT_PEM_FILE && config.MICROSOFT_APP_CERT_KEY_FILE);
  return {
    clientId: config.MICROSOFT_APP_ID,
    // MultiTenant bots get their tokens from the cloud's Bot Framework tenant (botframework.com outside China).
    tenantId: config.MICROSOFT_APP_TYPE === "MultiTenant" ? cloud.multiTenantTenant : config.MICROSOFT_APP_TENANT_ID,
    authorityEndpoint: cloud.oauthEndpoint,
    authType: managedIdentity ? AuthType.UserManagedIdentity : certificate ? AuthType.Certificate : AuthType.ClientSecret,
    ...(managedIdentity
      ? {}
      : certificate
        ? { certPemFile: config.MICROSOFT_APP_CERT_PEM_FILE, certKeyFile: config.MICROSOFT_APP_CERT_KEY_FILE }
        : { clientSecret: config.MICROSOFT_APP_PASSWORD }),
  };
}

export function msalTokenSource(config: Config, cloud: TeamsCloud): AccessTokenSource {
  const provider = new MsalTokenProvider(msalConnection(config, cloud));
  return { getAccessToken: (audience) => provider.getAccessToken(audience) };
}
