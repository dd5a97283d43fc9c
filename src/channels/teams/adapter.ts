import { readFileSync } from "node:fs";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type TurnContext } from "botbuilder";
import { CertificateServiceClientCredentialsFactory } from "botframework-connector";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";

/**
 * The Bot Framework adapter from our configuration. Without an app id the
 * bot runs as the Emulator expects: no token checks, replies unauthenticated.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const appId = config.MICROSOFT_APP_ID;
  const credentials =
    appId && config.MICROSOFT_APP_CERT_THUMBPRINT && config.MICROSOFT_APP_CERT_KEY_FILE
      ? new CertificateServiceClientCredentialsFactory(appId, config.MICROSOFT_APP_CERT_THUMBPRINT, readFileSync(config.MICROSOFT_APP_CERT_KEY_FILE, "utf8"), config.MICROSOFT_APP_TENANT_ID)
      : new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: config.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
        });
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: appId, MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID }, credentials);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Log without the message text; tell the user something went wrong instead of going silent.
    logger.error({ err: error.message, activityType: context.activity.type, channel: context.activity.channelId }, "teams turn failed");
    await context.sendActivity("Er ging iets mis bij het beantwoorden. Probeer het nog eens. / Something went wrong; please try again.").catch(() => undefined);
  };
  return adapter;
}
