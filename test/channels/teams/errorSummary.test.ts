import { z } from "zod";
import { describe, expect, it } from "vitest";
import { errorSummary } from "../../../src/channels/teams/errorSummary.js";

describe("errorSummary", () => {
  it("logs an HTTP failure's status without the response body, a validation error's first issue, else one short line", () => {
    expect(errorSummary(new Error('Request failed with status 404: "<!DOCTYPE html><title>secret internal page</title>"'))).toBe(
      "Request failed with status 404",
    );
    const zodError = z.object({ to: z.array(z.string()) }).safeParse({}).error;
    expect(errorSummary(zodError)).toMatch(/^invalid to: /);
    expect(errorSummary(new Error(`first line\n    at stack (file.js:1:1)`))).toBe("first line");
    expect(errorSummary("x".repeat(1000))).toHaveLength(200);
  });
});
