import { CloudAdapter, ConnectorClient, type UserTokenClient, type HeaderPropagationCollection, type OutboundUrlPolicy } from "@microsoft/agents-hosting";
import type { Activity } from "@microsoft/agents-activity";
import type { AccessTokenSource } from "./tokenSource.js";

export type TeamsAdapterOptions = {
  appId?: string;
  /** Undefined in emulator mode: replies go out without a token. */
  tokens?: AccessTokenSource;
  /** Audience of the bot's reply tokens (the cloud's channel service). */
  channelService: string;
  /** Which serviceUrls the bot may send replies to. */
  outbound: OutboundUrlPolicy;
};

/**
 * The SDK's CloudAdapter with our own authentication around it: the door
 * checks incoming tokens itself (configurable issuer and keys, one log line,
 * 401 never 500), and replies are signed with a token for the configured
 * cloud's channel service, sent only where the outbound policy allows.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(private readonly options: TeamsAdapterOptions) {
    super({ clientId: options.appId }, undefined, undefined, { emitStackTrace: false, validateServiceUrl: true }, options.outbound);
  }

  protected override async createConnectorClientWithIdentity(
    _identity: unknown,
    activity: Activity,
    headers?: HeaderPropagationCollection,
  ): Promise<ConnectorClient> {
    const serviceUrl = activity.serviceUrl;
    if (!serviceUrl || !this.options.outbound.isAllowed(serviceUrl)) throw new Error("serviceUrl not allowed");
    const token = this.options.tokens ? await this.options.tokens.getAccessToken(this.options.channelService) : "";
    return ConnectorClient.createClientWithToken(serviceUrl, token, headers);
  }

  /** We use no user sign-in (SSO/OAuth cards): a client without credentials that is never called. */
  protected override async createUserTokenClient(
    _identity: unknown,
    tokenServiceEndpoint?: string,
    scope?: string,
    audience?: string,
    headers?: HeaderPropagationCollection,
  ): Promise<UserTokenClient> {
    return super.createUserTokenClient({}, tokenServiceEndpoint, scope, audience, headers);
  }
}
