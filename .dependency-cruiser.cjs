/**
 * The layer rule (checked by `npm test`): every folder of src/ sits on one tier and imports only from its own
 * tier or lower ones, and no file takes part in an import cycle (type imports included).
 *   0 domain, text, platform   the model and contracts, pure text helpers, configuration and logging
 *   1 vocabulary               the language layer: YAML packs, glossary
 *   2 ingest                   documents → the domain model (load, parse, chunk)
 *   3 search                   the index on disk and retrieval
 *   4 indexing                 the ingest run: documents → a new index version
 *   5 state, feedback          conversation memory, rate limits, votes (in process or Redis)
 *   6 answer                   understand → ground → retrieve → compose / LLM
 *   7 insights                 what was asked and how it went
 *   8 channels, eval           the doors (Teams, Slack, web kit), the evals
 *   9 http                     the HTTP server that mounts the doors
 *  10 app, server.ts           the composition root: the only place that wires every registry (doors, formats, systems, intents)
 *  11 cli                      command-line entry points, built on the composition root
 */
const TIERS = [
  ["domain", "text", "platform", "types"],
  ["vocabulary"],
  ["ingest"],
  ["search"],
  ["indexing"],
  ["state", "feedback"],
  ["answer"],
  ["insights"],
  ["channels", "eval"],
  ["http"],
  ["app"],
  ["cli"],
];
const folder = (names) => `^src/(${names.join("|")})/`;
const above = (tier) => TIERS.slice(tier + 1).flat();
const same = (tier) => TIERS[tier].filter((name) => TIERS[tier].length > 1).map((name) => ({ name, others: TIERS[tier].filter((o) => o !== name) }));

module.exports = {
  forbidden: [
    { name: "no-cycle", severity: "error", comment: "import cycles make layers meaningless", from: { path: "^src/" }, to: { circular: true } },
    ...TIERS.slice(0, -1).map((names, tier) => ({
      name: `tier-${tier}-imports-upward`,
      severity: "error",
      comment: `${names.join(", ")} may import only from tier ${tier} or lower`,
      from: { path: folder(names) },
      to: { path: [folder(above(tier)), "^src/server\\.ts$"] },
    })),
    // Within one tier, folders stay independent unless a line below allows it.
    ...TIERS.flatMap((_, tier) => same(tier))
      .filter(({ name }) => !["platform", "text", "domain", "types", "eval"].includes(name))
      .filter(({ name }) => name !== "feedback")
      .map(({ name, others }) => ({
        name: `${name}-is-independent`,
        severity: "error",
        from: { path: folder([name]) },
        to: { path: folder(others) },
      })),
    {
      name: "domain-is-the-bottom",
      severity: "error",
      comment: "the domain model imports only itself, pure text helpers and zod",
      from: { path: "^src/domain/" },
      to: { path: "^src/(platform)/" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
  },
};
