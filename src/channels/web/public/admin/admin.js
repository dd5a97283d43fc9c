// The insights page: what is indexed, what was skipped, how answers are rated, which questions were refused.
// Every text from the server is set with textContent: document titles and questions are data, never markup.
const $ = (id) => document.getElementById(id);
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const INTENTS = {
  scale: "schaal",
  interview: "toetsvragen",
  career: "loopbaan",
  competency: "competentie",
  development: "ontwikkeling",
  compare: "vergelijken",
  catalogue: "overzicht",
  lookup: "opzoeken",
  help: "hulp",
  general: "algemeen",
  unknown: "onbekend",
};
const WARNINGS = {
  "no level found": "geen niveau gevonden",
  "no competency found": "geen competentie gevonden",
  "title taken from the file name": "titel uit de bestandsnaam",
  "no title in the text: the file name is used": "geen titel in de tekst: de bestandsnaam is gebruikt",
};
const CHANNELS = { web: "web", teams: "Teams", slack: "Slack", cli: "CLI" };
const intentName = (intent) => (intent === null ? "onbekend (ouder antwoord)" : (INTENTS[intent] ?? intent));
const when = (iso) => (iso ? new Date(iso).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" }) : "—");

let chart;
let overview;

/** The root set (files directly in the knowledge folder) has no folder name. */
const setName = (set) => (set ? set : "(hoofdmap)");

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function rows(tableId, items, toCells) {
  const body = $(tableId).querySelector("tbody");
  body.replaceChildren(
    ...items.map((item) => {
      const tr = document.createElement("tr");
      tr.append(...toCells(item));
      return tr;
    }),
  );
}

function documentLink(source) {
  const td = document.createElement("td");
  const a = Object.assign(document.createElement("a"), {
    href: `/api/document?source=${encodeURIComponent(source)}`,
    textContent: source,
    target: "_blank",
    rel: "noopener noreferrer",
  });
  td.append(a);
  return td;
}

async function load() {
  const response = await fetch("/admin/api/overview", { credentials: "same-origin" });
  if (response.status === 401) return showSignIn();
  if (!response.ok) {
    $("notice").textContent =
      response.status === 503
        ? "De index wordt geladen; even geduld…"
        : `De gegevens konden niet geladen worden (${response.status}); nieuwe poging over een paar seconden.`;
    setTimeout(load, 3000);
    return;
  }
  $("notice").textContent = "";
  overview = await response.json();
  $("signin").hidden = true;
  $("dashboard").hidden = false;
  $("logout").hidden = false;
  render(overview);
}

function showSignIn() {
  $("dashboard").hidden = true;
  $("logout").hidden = true;
  $("signin").hidden = false;
  $("token").focus();
}

function render(data) {
  const { status, inventory, feedback, unanswered, reindex } = data;
  const cards = [
    ["Documenten", inventory.documents.length],
    ["Overgeslagen", inventory.skipped.length],
    ["Stukken tekst", status.chunks],
    ["Modus", status.mode === "llm" ? "taalmodel" : "offline"],
    ["Duim omhoog", feedback.total.up],
    ["Duim omlaag", feedback.total.down],
    ["Geweigerde vragen", unanswered.recording ? unanswered.total : "uit"],
  ];
  $("summary").replaceChildren(
    ...cards.map(([label, value]) => {
      const div = document.createElement("div");
      div.append(
        Object.assign(document.createElement("dt"), { textContent: label }),
        Object.assign(document.createElement("dd"), { textContent: String(value) }),
      );
      return div;
    }),
  );
  $("reindex-last").textContent = `Index gebouwd: ${when(inventory.builtAt ?? status.builtAt)}.`;
  showReindex(reindex);

  rows("documents", inventory.documents, (doc) => [
    cell(doc.title),
    documentLink(doc.source),
    cell(setName(doc.set)),
    cell(doc.audience ?? "iedereen"),
    cell(doc.system),
    cell(doc.levels.join(", ") || "—"),
    cell(String(doc.competencies), "num"),
    // What was read, by name: an HR admin sees which competencies, roles and career steps are missing.
    cell((doc.competencyNames ?? []).join(", ") || "—"),
    cell((doc.roles ?? []).map((role) => (role.levels.length ? `${role.title} (${role.levels.join(", ")})` : role.title)).join("; ") || "—"),
    cell((doc.careerEdges ?? []).join("; ") || "—"),
    cell(doc.warnings.map((w) => WARNINGS[w] ?? w).join("; ") || "—", doc.warnings.length ? "warning" : ""),
  ]);
  rows("skipped", inventory.skipped, (skip) => [cell(skip.file), cell(skip.reason)]);
  $("skipped-none").hidden = inventory.skipped.length > 0;

  const filter = $("intent-filter");
  const chosen = filter.value;
  const intents = [...new Set(feedback.byIntent.map((row) => row.intent))];
  filter.replaceChildren(new Option("alle intenties", "*"), ...intents.map((intent) => new Option(intentName(intent), intent === null ? "" : intent)));
  filter.value = [...filter.options].some((o) => o.value === chosen) ? chosen : "*";
  drawChart();
  rows("intents", feedback.byIntent, (row) => [
    cell(intentName(row.intent)),
    cell(String(row.up), "num"),
    cell(String(row.down), "num"),
    cell(row.up + row.down ? `${Math.round((100 * row.up) / (row.up + row.down))}%` : "—", "num"),
  ]);
  rows("sets", feedback.bySet ?? [], (row) => [
    cell(setName(row.set)),
    cell(String(row.questions), "num"),
    cell(String(row.up), "num"),
    cell(String(row.down), "num"),
  ]);
  rows("downvotes", feedback.recentDown, (vote) => [
    cell(when(vote.at)),
    cell(CHANNELS[vote.channel] ?? vote.channel),
    cell(intentName(vote.intent)),
    cell(vote.question),
    cell(vote.sources.join("; ") || "—"),
  ]);
  $("downvotes-none").hidden = feedback.recentDown.length > 0;

  $("unanswered-off").hidden = unanswered.recording;
  $("unanswered-on").hidden = !unanswered.recording;
  $("unanswered-on").textContent = `${unanswered.total} geweigerde vragen, gegroepeerd op gelijkenis; bewaard gedurende ${unanswered.retentionDays} dagen.`;
  $("unanswered").hidden = !unanswered.recording;
  rows("unanswered", unanswered.groups, (group) => [
    cell(group.question),
    cell(String(group.count), "num"),
    cell(when(group.lastAt)),
    cell(group.examples.join(" · ") || "—"),
  ]);
}

function drawChart() {
  if (!overview || !window.Chart) return;
  const { feedback } = overview;
  const wanted = $("intent-filter").value;
  const matches = (row) => wanted === "*" || (wanted === "" ? row.intent === null : row.intent === wanted);
  const perDay = (key) => feedback.days.map((day) => feedback.daily.filter((row) => row.day === day && matches(row)).reduce((sum, row) => sum + row[key], 0));
  const style = getComputedStyle(document.documentElement);
  const data = {
    labels: feedback.days.map((day) => day.slice(5)),
    datasets: [
      { label: "Duim omhoog", data: perDay("up"), backgroundColor: style.getPropertyValue("--up").trim() },
      { label: "Duim omlaag", data: perDay("down"), backgroundColor: style.getPropertyValue("--down").trim() },
    ],
  };
  if (chart) {
    chart.data = data;
    chart.update();
    return;
  }
  const text = style.getPropertyValue("--text").trim();
  chart = new window.Chart($("feedback-chart"), {
    type: "bar",
    data,
    options: {
      animation: reducedMotion ? false : undefined,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, ticks: { color: text } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: text } } },
      plugins: { legend: { labels: { color: text } } },
    },
  });
}

let polling;
function showReindex(state) {
  const button = $("reindex");
  const progress = $("reindex-progress");
  const status = $("reindex-status");
  button.disabled = state.running;
  progress.hidden = !state.running;
  if (state.running) {
    const elapsed = (Date.now() - Date.parse(state.startedAt)) / 1000;
    // No phase reporting from the index: the previous run's duration gives an estimate.
    if (state.previousSeconds) progress.value = Math.min(95, (100 * elapsed) / Math.max(state.previousSeconds, 0.1));
    else progress.removeAttribute("value");
    status.textContent = `Bezig met indexeren… ${Math.round(elapsed)} s`;
    clearTimeout(polling);
    polling = setTimeout(pollReindex, 500);
  } else if (state.error) {
    status.textContent = `Indexeren mislukt: ${state.error}`;
    status.className = "error";
  } else if (state.summary) {
    const s = state.summary;
    status.className = "";
    status.textContent = `Klaar om ${when(state.finishedAt)}: ${s.documents} documenten, ${s.chunks} stukken (${s.embedded} nieuw, ${s.reused} hergebruikt, ${s.removed} verwijderd), ${s.skipped.length} overgeslagen, in ${s.seconds.toFixed(1)} s.`;
  }
}

async function pollReindex() {
  const response = await fetch("/admin/api/reindex").catch(() => undefined);
  if (!response?.ok) return;
  const state = await response.json();
  showReindex(state);
  if (!state.running) await load();
}

$("reindex").addEventListener("click", async () => {
  $("reindex").disabled = true;
  const response = await fetch("/admin/api/reindex", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (response.status === 401) return showSignIn();
  showReindex(await response.json());
});

$("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("signin-error").textContent = "";
  const response = await fetch("/admin/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: $("token").value }),
  });
  $("token").value = "";
  if (response.ok) return load();
  $("signin-error").textContent = response.status === 429 ? "Te veel pogingen; wacht een minuut." : "Onjuist beheertoken.";
});

$("logout").addEventListener("click", async () => {
  await fetch("/admin/logout", { method: "POST" });
  showSignIn();
});

$("intent-filter").addEventListener("change", drawChart);

load();
