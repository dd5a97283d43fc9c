import { describe, expect, it } from "vitest";
import { AccessPolicySchema, describeAudience, groupsNamed, scopeFor } from "../../src/domain/accessPolicy.js";
import { ADMIN, ANONYMOUS, type Audience } from "../../src/domain/audience.js";

const policy = AccessPolicySchema.parse({
  sets: {
    hr: { web: { groups: ["hr"] }, slack: { workspaces: ["T1"], channels: ["C0HR"], usergroups: ["S0HR"] }, teams: { tenants: ["t1"], groups: ["g-hr"] } },
    handboek: "public",
    tenant: { teams: { tenants: ["t1"] } },
  },
  admins: { web: { users: ["boss@example.org"] } },
});
const sees = (audience: Audience, set: string, p = policy) => scopeFor(p, audience).allows(set);
const slack = (over: Partial<Extract<Audience, { door: "slack" }>>): Audience => ({ door: "slack", workspace: "T1", personal: false, usergroups: [], ...over });
const teams = (over: Partial<Extract<Audience, { door: "teams" }>>): Audience => ({ door: "teams", tenant: "t1", personal: true, groups: [], ...over });

describe("access.yaml: who may use which set", () => {
  it("keeps the root and public sets open to everyone and restricted or unlisted sets closed to anonymous askers", () => {
    for (const set of ["", "handboek"]) expect(sees(ANONYMOUS, set)).toBe(true);
    for (const set of ["hr", "tenant", "niet-genoemd"]) expect(sees(ANONYMOUS, set)).toBe(false);
    expect(sees(ANONYMOUS, "niet-genoemd", AccessPolicySchema.parse({ unlisted: "public", sets: { hr: { web: { groups: ["hr"] } } } }))).toBe(true);
    expect(scopeFor(undefined, ANONYMOUS).all).toBe(true);
  });

  it("grants web users by group or name, and admins everything", () => {
    expect(sees({ door: "web", groups: ["hr"] }, "hr")).toBe(true);
    expect(sees({ door: "web", groups: ["HR"] }, "hr")).toBe(false);
    expect(sees({ door: "web", email: "boss@example.org", groups: [] }, "niet-genoemd")).toBe(true);
    expect(scopeFor(policy, ADMIN).all).toBe(true);
  });

  it("grants Slack by channel in shared places and by user group where the asker alone reads, inside the named workspace", () => {
    expect(sees(slack({ channel: "C0HR" }), "hr")).toBe(true);
    expect(sees(slack({ channel: "CGEN", user: "U1", usergroups: ["S0HR"] }), "hr")).toBe(false);
    expect(sees(slack({ channel: "D1", personal: true, user: "U1", usergroups: ["S0HR"] }), "hr")).toBe(true);
    expect(sees(slack({ channel: "D1", personal: true, user: "U1", usergroups: [] }), "hr")).toBe(false);
    expect(sees(slack({ workspace: "T2", channel: "C0HR" }), "hr")).toBe(false);
  });

  it("grants Teams by Entra group in personal chats and by tenant alone where only a tenant is named", () => {
    expect(sees(teams({ groups: ["g-hr"] }), "hr")).toBe(true);
    expect(sees(teams({ personal: false, channel: "19:x", groups: ["g-hr"] }), "hr")).toBe(false);
    expect(sees(teams({ tenant: "t2", groups: ["g-hr"] }), "hr")).toBe(false);
    expect(sees(teams({}), "tenant")).toBe(true);
    expect(sees(teams({ tenant: "t2" }), "tenant")).toBe(false);
  });

  it("names the groups a door must look up, and says in words who may use a set", () => {
    expect(groupsNamed(policy, "slack")).toEqual(["S0HR"]);
    expect(groupsNamed(policy, "teams")).toEqual(["g-hr"]);
    expect(describeAudience(policy, "hr")).toContain("Slack channels C0HR");
    expect(describeAudience(policy, "niet-genoemd")).toBe("admins only (not in access.yaml)");
    expect(describeAudience(policy, "")).toBe("public");
  });

  it("rejects what it does not understand instead of guessing", () => {
    expect(AccessPolicySchema.safeParse({ sets: { hr: { web: { groepen: ["hr"] } } } }).success).toBe(false);
    expect(AccessPolicySchema.safeParse({ sets: { "a/b": "public" } }).success).toBe(false);
    expect(AccessPolicySchema.safeParse({ sets: { hr: "openbaar" } }).success).toBe(false);
  });
});
