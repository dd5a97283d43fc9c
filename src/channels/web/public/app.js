// The web chat: streams answers from /api/ask/stream and renders the Answer.
// Markdown goes through marked and then DOMPurify, so document text cannot inject markup.
import { marked } from "/vendor/marked.js";
import DOMPurify from "/vendor/purify.js";

const $ = (id) => document.getElementById(id);
const log = $("log");
const input = $("question");

let conversation = sessionStorage.getItem("fw-conversation") ?? crypto.randomUUID();
sessionStorage.setItem("fw-conversation", conversation);
let language = localStorage.getItem("fw-lang") ?? (navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en");
const t = (nl, en) => (language === "en" ? en : nl);

const EXAMPLES = {
  nl: ["Welke schaal past bij een servicedesk medewerker?", "Geef toetsvragen voor onderhandelen", "Wat verandert er van schaal 6 naar 7?"],
  en: ["Which scale fits a servicedesk employee?", "Give interview questions for negotiating", "What changes from scale 6 to 7?"],
};

/** Sets every data-nl/data-en text, the placeholder and the examples in the chosen language. */
function applyLanguage() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-nl]")) node.textContent = node.dataset[language];
  input.placeholder = t("Stel je vraag…", "Ask your question…");
  $("lang").textContent = language === "nl" ? "EN" : "NL";
  const examples = $("examples");
  examples.replaceChildren(...EXAMPLES[language].map((q) => button("followup", q, () => ask(q))));
}

function button(className, text, onClick) {
  const node = Object.assign(document.createElement("button"), { className, type: "button", textContent: text });
  node.addEventListener("click", onClick);
  return node;
}

function markdown(text) {
  const box = document.createElement("div");
  box.className = "markdown";
  box.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }));
  for (const link of box.querySelectorAll("a")) Object.assign(link, { target: "_blank", rel: "noopener noreferrer" });
  return box;
}

function add(className, node) {
  const li = document.createElement("li");
  li.className = `msg ${className}`;
  li.append(node);
  log.append(li);
  li.scrollIntoView({ behavior: "smooth", block: "end" });
  return li;
}

function showSource(citation) {
  $("source-title").textContent = citation.source;
  $("source-section").textContent = citation.section;
  $("source-quote").textContent = citation.quote ?? "";
  $("source").showModal();
}

function feedbackButtons(answer) {
  const box = document.createElement("div");
  box.className = "feedback";
  const vote = async (value, clicked) => {
    for (const b of box.querySelectorAll("button")) b.disabled = true;
    clicked.classList.add("chosen");
    await fetch("/api/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answerId: answer.answerId, question: answer.question, vote: value, conversation }),
    }).catch(() => undefined);
    box.append(Object.assign(document.createElement("span"), { className: "muted", textContent: t(" Bedankt!", " Thanks!") }));
  };
  const up = button("vote", "", () => vote("up", up));
  const down = button("vote down", "", () => vote("down", down));
  up.append(thumbIcon());
  down.append(thumbIcon());
  up.title = t("Nuttig antwoord", "Helpful answer");
  down.title = t("Niet nuttig", "Not helpful");
  box.append(up, down);
  return box;
}

/** A thumb drawn as SVG: emoji fonts are missing on many servers and kiosks. */
function thumbIcon() {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function renderAnswer(answer) {
  const node = markdown(answer.answer);
  if (answer.mode === "llm") node.prepend(Object.assign(document.createElement("p"), { className: "badge", textContent: t("gegenereerd uit de bronnen", "generated from the sources") }));
  if (answer.citations.length) {
    const chips = document.createElement("div");
    chips.className = "chips";
    chips.append(Object.assign(document.createElement("span"), { className: "muted", textContent: t("Bronnen:", "Sources:") }));
    answer.citations.forEach((citation, i) => {
      const chip = button("chip", `[${i + 1}] ${citation.section.split(" › ").slice(-2).join(" › ")}`, () => showSource(citation));
      chip.title = `${citation.source} › ${citation.section}`;
      chips.append(chip);
    });
    node.append(chips);
  }
  if (answer.followUps.length) {
    const followups = document.createElement("div");
    followups.className = "followups";
    for (const followUp of answer.followUps) followups.append(button("followup", followUp, () => ask(followUp)));
    node.append(followups);
  }
  node.append(feedbackButtons(answer));
  return node;
}

/** Reads Server-Sent Events from a fetch response body. */
async function* events(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data) yield { event, data: JSON.parse(data) };
    }
  }
}

let busy = false;
async function ask(question) {
  if (busy) return;
  busy = true;
  $("send").disabled = true;
  $("welcome").hidden = true;
  add("user", document.createTextNode(question));
  const thinking = add("bot thinking", document.createTextNode(t("Zoekt in de functiebeschrijvingen…", "Searching the job descriptions…")));
  try {
    const response = await fetch("/api/ask/stream", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, conversation }) });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      thinking.remove();
      add("bot refused", document.createTextNode(body.error ?? t("Er ging iets mis.", "Something went wrong.")));
      return;
    }
    let streamed = "";
    for await (const { event, data } of events(response)) {
      if (event === "token") {
        streamed += data.delta;
        thinking.classList.remove("thinking");
        thinking.replaceChildren(markdown(streamed));
      } else if (event === "answer") {
        thinking.remove();
        add(data.answered ? "bot" : "bot refused", renderAnswer(data));
      } else if (event === "error") {
        throw new Error(data.error);
      }
    }
  } catch {
    thinking.remove();
    add("bot refused", document.createTextNode(t("Er ging iets mis; probeer het opnieuw.", "Something went wrong; please try again.")));
  } finally {
    busy = false;
    $("send").disabled = false;
    input.focus();
  }
}

async function showStatus() {
  const response = await fetch("/readyz").catch(() => undefined);
  const status = response?.ok ? await response.json() : undefined;
  $("status").textContent = status ? t(`${status.documents} documenten · ${status.mode === "llm" ? "taalmodel" : "offline"}`, `${status.documents} documents · ${status.mode === "llm" ? "language model" : "offline"}`) : t("index laden…", "loading index…");
  if (!status) setTimeout(showStatus, 2000);
}

$("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = "";
  ask(question);
});
$("lang").addEventListener("click", () => {
  language = language === "nl" ? "en" : "nl";
  localStorage.setItem("fw-lang", language);
  applyLanguage();
  showStatus();
});
$("reset").addEventListener("click", () => {
  conversation = crypto.randomUUID();
  sessionStorage.setItem("fw-conversation", conversation);
  log.replaceChildren();
  $("welcome").hidden = false;
});

applyLanguage();
showStatus();
input.focus();
