import express from "express";
import type { JWK } from "jose";
import { listen } from "../../support/http.js";

export const ISSUER = "https://api.botframework.com";

/** A fake Bot Framework login service on 127.0.0.1: the OpenID metadata document and its JWKS. */
export async function fakeLogin(keys: JWK[]) {
  let jwksRequests = 0;
  const app = express();
  let url = "";
  app.get(
    "/v1/.well-known/openidconfiguration",
    (_req, res) => void res.json({ issuer: ISSUER, jwks_uri: `${url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] }),
  );
  app.get("/v1/.well-known/keys", (_req, res) => {
    jwksRequests++;
    res.json({ keys });
  });
  const server = await listen(app);
  url = server.url;
  return { metadataUrl: `${url}/v1/.well-known/openidconfiguration`, close: server.close, jwksRequests: () => jwksRequests };
}
