// The web chat: streams answers from /api/ask/stream and renders the Answer.
// Markdown goes through marked and then DOMPurify with a strict allow-list, so
// document and model text can format an answer but never add forms, frames,
// styles or scripts.
import { marked } from "/vendor/marked.js";
import DOMPurify from "/vendor/purify.js";

const $ = (id) => document.getElementById(id);
const log = $("log");
const input = $("question");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

// The server issues conversation ids (with the first answer); until then there is none.
let conversation = sessionStorage.getItem("fw-conversation") ?? undefined;
let language = localStorage.getItem("fw-lang") ?? (navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en");
const t = (nl, en) => (language === "en" ? en : nl);

/** Until the server says what the loaded documents can answer (/api/examples), generic questions. */
let EXAMPLES = {
  nl: ["Welke functies staan er in de documenten?", "Welke competenties worden gevraagd?", "Wat kun je?"],
  en: ["Which jobs are in the documents?", "Which competencies are asked for?", "What can you do?"],
};

const SYSTEMS = { rijk: "Rijksoverheid", ufo: "UFO (universiteiten)", "vlaamse-overheid": "Vlaamse overheid", provincie: "Provincie", gemeente: "Gemeente" };

/** Only what a Markdown answer needs: no form, input, button, iframe, style, img or event handlers. */
const SANITIZE = {
  ALLOWED_TAGS: [
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
  ],
  ALLOWED_ATTR: ["href", "title", "start", "colspan", "rowspan"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
};

/** Sets every data-nl/data-en text, the placeholder and the examples in the chosen language. */
function applyLanguage() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-nl]")) node.textContent = node.dataset[language];
  input.placeholder = t("Stel je vraag…", "Ask your question…");
  $("lang").textContent = language === "nl" ? "EN" : "NL";
  $("ask").setAttribute("aria-label", t("Vraag stellen", "Ask a question"));
  // The accessible name starts with the visible text (WCAG 2.5.3), then says what it does.
  $("lang").setAttribute("aria-label", language === "nl" ? "EN – switch to English" : "NL – schakel naar Nederlands");
  $("examples").replaceChildren(...EXAMPLES[language].map((q) => button("followup", q, () => ask(q))));
}

function button(className, text, onClick) {
  const node = Object.assign(document.createElement("button"), { className, type: "button", textContent: text });
  node.addEventListener("click", onClick);
  return node;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function markdown(text) {
  const box = element("div", "markdown");
  box.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }), SANITIZE);
  for (const link of box.querySelectorAll("a")) Object.assign(link, { target: "_blank", rel: "noopener noreferrer" });
  return box;
}

function scrollTo(node, block = "end") {
  node.scrollIntoView({ behavior: reducedMotion.matches ? "auto" : "smooth", block });
}

function add(className, node) {
  const li = element("li", `msg ${className}`);
  li.append(node);
  log.append(li);
  return li;
}

const fileName = (source) =>
  source
    .split("/")
    .pop()
    .replace(/\.[a-z0-9]+$/i, "");
const lastParts = (section, n) => section.split(" › ").slice(-n).join(" › ");

// ---- citations --------------------------------------------------------------

/** One chip per distinct source + section; `numbers` are the 1-based citation indexes merged into it. */
function chipGroups(citations) {
  const groups = new Map();
  citations.forEach((citation, i) => {
    const key = `${citation.source}\u0000${citation.section}`;
    const group = groups.get(key) ?? { citation, numbers: [] };
    group.numbers.push(i + 1);
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Highlights the chip a marker points to, scrolls it into view and focuses it. */
function highlightChip(chip) {
  for (const other of document.querySelectorAll(".chip.highlight")) other.classList.remove("highlight");
  chip.classList.add("highlight");
  scrollTo(chip, "nearest");
  chip.focus({ preventScroll: true });
}

const MARKER = /\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]/g;

/**
 * Turns the answer's `[n]` markers into small links to their chip. Text inside
 * links and code is left alone; numbers without a citation stay plain text.
 */
function linkMarkers(box, chipFor, citations) {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest("a, code, pre") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  while (walker.nextNode()) if (walker.currentNode.nodeValue.includes("[")) texts.push(walker.currentNode);
  for (const text of texts) {
    const value = text.nodeValue;
    const parts = [];
    let last = 0;
    for (const match of value.matchAll(MARKER)) {
      const numbers = match[1].split(",").map((n) => Number(n.trim()));
      if (!numbers.every((n) => n >= 1 && n <= citations.length)) continue;
      parts.push(document.createTextNode(value.slice(last, match.index)));
      for (const n of numbers) parts.push(markerLink(n, chipFor(n), citations[n - 1]));
      last = match.index + match[0].length;
    }
    if (!parts.length) continue;
    parts.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...parts);
  }
}

function markerLink(n, chip, citation) {
  const link = element("a", "cite", String(n));
  link.href = `#${chip.id}`;
  link.setAttribute(
    "aria-label",
    t(`Bron ${n}: ${citation.title ?? fileName(citation.source)}`, `Source ${n}: ${citation.title ?? fileName(citation.source)}`),
  );
  link.dataset.cite = String(n);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    highlightChip(chip);
  });
  return link;
}

let chipCounter = 0;
function renderChips(citations) {
  const chips = element("div", "chips");
  chips.append(element("span", "muted", t("Bronnen:", "Sources:")));
  const byNumber = new Map();
  for (const { citation, numbers } of chipGroups(citations)) {
    const chip = button("chip", "", () => showSource(citation));
    chip.id = `chip-${++chipCounter}`;
    chip.dataset.cites = numbers.join(" ");
    chip.append(
      element("span", "num", `[${numbers.join(", ")}]`),
      element("span", "doc", citation.title ?? fileName(citation.source)),
      document.createTextNode(` — ${lastParts(citation.section, 2)}`),
    );
    chip.title = `${citation.title ?? citation.source} › ${citation.section}`;
    for (const n of numbers) byNumber.set(n, chip);
    chips.append(chip);
  }
  return { chips, chipFor: (n) => byNumber.get(n) };
}

/** Marks the first occurrence of `quote` in `text`, ignoring differences in whitespace and a leading/trailing ellipsis. */
function highlighted(text, quote) {
  const fragment = document.createDocumentFragment();
  const needle = (quote ?? "").replace(/^[\s…]+|[\s…]+$/g, "");
  const at = needle ? findLoosely(text, needle) : undefined;
  if (!at) {
    fragment.append(text);
    return fragment;
  }
  const mark = element("mark", "", text.slice(at.start, at.end));
  fragment.append(text.slice(0, at.start), mark, text.slice(at.end));
  return fragment;
}

/** Whitespace-insensitive search in linear time: both sides squashed, positions mapped back. */
function findLoosely(text, needle) {
  const positions = [];
  let squashed = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (!space && squashed) {
        squashed += " ";
        positions.push(i);
      }
      space = true;
    } else {
      squashed += text[i].toLowerCase();
      positions.push(i);
      space = false;
    }
  }
  const wanted = needle.replace(/\s+/g, " ").toLowerCase();
  const found = squashed.indexOf(wanted);
  if (found < 0) return undefined;
  return { start: positions[found], end: positions[found + wanted.length - 1] + 1 };
}

let sourceRequest = 0;
async function showSource(citation) {
  const request = ++sourceRequest;
  const dialog = $("source");
  $("source-title").textContent = citation.title ?? fileName(citation.source);
  const system = citation.system ? (SYSTEMS[citation.system] ?? citation.system) : undefined;
  $("source-meta").textContent = [system, citation.source].filter(Boolean).join(" · ");
  $("source-section").textContent = citation.section;
  const body = $("source-text");
  body.replaceChildren(document.createTextNode(citation.quote ?? ""));
  body.setAttribute("aria-busy", "true");
  const open = $("source-open");
  open.href = `/api/document?source=${encodeURIComponent(citation.source)}`;
  if (!dialog.open) dialog.showModal();
  const response = await fetch(`/api/section?${new URLSearchParams({ source: citation.source, section: citation.section })}`).catch(() => undefined);
  const section = response?.ok ? await response.json() : undefined;
  if (request !== sourceRequest) return; // another chip was opened meanwhile
  body.removeAttribute("aria-busy");
  if (!section) return;
  if (!citation.title) $("source-title").textContent = section.title;
  if (!citation.system && section.system) $("source-meta").textContent = [SYSTEMS[section.system] ?? section.system, citation.source].join(" · ");
  body.replaceChildren(highlighted(section.text, citation.quote));
  body.querySelector("mark")?.scrollIntoView({ block: "center" });
}

// ---- expansions ("…en 12 meer") ---------------------------------------------

/** Finds the text node holding `label` (the "…en 12 meer" line) inside the rendered answer. */
function findLabel(box, label) {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const index = walker.currentNode.nodeValue.indexOf(label);
    if (index >= 0) return { text: walker.currentNode, index };
  }
  return undefined;
}

/** Turns each expansion's label into a button that puts the rest of the list in its place. */
function linkExpansions(box, expansions, decorate) {
  for (const expansion of expansions ?? []) {
    const label = expansion.label.trim();
    const more = button("more", label, () => expand(more, expansion, decorate));
    more.setAttribute("aria-expanded", "false");
    const found = label ? findLabel(box, label) : undefined;
    if (!found) {
      box.append(more);
      continue;
    }
    // Only the label becomes the button; any other text on that line stays.
    const rest = found.text.splitText(found.index);
    rest.nodeValue = rest.nodeValue.slice(label.length);
    rest.before(more);
  }
}

function expand(more, expansion, decorate) {
  const extra = markdown(expansion.markdown);
  decorate(extra);
  const holder = more.closest("li, p") ?? more;
  const list = extra.firstElementChild;
  let inserted;
  if (
    holder.tagName === "LI" &&
    holder.textContent.trim() === more.textContent.trim() &&
    list &&
    /^(UL|OL)$/.test(list.tagName) &&
    extra.children.length === 1
  ) {
    // "- …en 12 meer" as the last item of a list: the hidden items take its place in the same list.
    inserted = [...list.children];
    holder.replaceWith(...inserted);
  } else {
    inserted = [...extra.children];
    if (holder === more) more.replaceWith(...inserted);
    else {
      more.remove();
      holder.after(...inserted);
      if (!holder.textContent.trim()) holder.remove();
    }
  }
  const first = inserted[0] && /^(UL|OL)$/.test(inserted[0].tagName) ? inserted[0].firstElementChild : inserted[0];
  if (first) {
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
  }
}

// ---- answers ----------------------------------------------------------------

function feedbackButtons(answer) {
  const box = element("div", "feedback");
  const vote = async (value, clicked) => {
    for (const b of box.querySelectorAll("button")) b.disabled = true;
    clicked.classList.add("chosen");
    clicked.setAttribute("aria-pressed", "true");
    await fetch("/api/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answerId: answer.answerId, question: answer.question, vote: value, conversation }),
    }).catch(() => undefined);
    box.append(element("span", "muted", t(" Bedankt!", " Thanks!")));
  };
  const up = button("vote", "", () => vote("up", up));
  const down = button("vote down", "", () => vote("down", down));
  up.append(thumbIcon());
  down.append(thumbIcon());
  up.title = t("Nuttig antwoord", "Helpful answer");
  down.title = t("Niet nuttig", "Not helpful");
  up.setAttribute("aria-label", up.title);
  down.setAttribute("aria-label", down.title);
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
  path.setAttribute(
    "d",
    "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z",
  );
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function renderAnswer(answer) {
  const wrapper = element("div", "answer");
  const node = markdown(answer.answer);
  wrapper.append(node);
  if (answer.mode === "llm") node.prepend(element("p", "badge", t("gegenereerd uit de bronnen en gecontroleerd", "generated from the sources and checked")));
  const citations = answer.citations ?? [];
  let decorate = () => undefined;
  if (citations.length) {
    const { chips, chipFor } = renderChips(citations);
    decorate = (box) => linkMarkers(box, chipFor, citations);
    decorate(node);
    wrapper.append(chips);
  }
  linkExpansions(node, answer.expansions, decorate);
  const kits = kitRoles(answer);
  if (kits.length) {
    const downloads = element("div", "downloads");
    for (const role of kits)
      downloads.append(button("download", `${t("Interviewkit downloaden", "Download interview kit")} (.docx): ${role}`, () => downloadKit(role)));
    wrapper.append(downloads);
  }
  if (answer.followUps.length) {
    const followups = element("div", "followups");
    for (const followUp of answer.followUps) followups.append(button("followup", followUp, () => ask(followUp)));
    wrapper.append(followups);
  }
  wrapper.append(feedbackButtons(answer));
  return wrapper;
}

/** The roles an interview answer is about (the cited documents' titles), for a kit to download; at most two. */
function kitRoles(answer) {
  if (answer.intent !== "interview" || !answer.answered) return [];
  return [...new Set((answer.citations ?? []).map((c) => c.title).filter(Boolean))].slice(0, 2);
}

/** Fetches the kit from POST /api/interview-kit and saves it under the name the server gives. */
async function downloadKit(role) {
  try {
    const response = await fetch("/api/interview-kit", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role, language }),
    });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? response.statusText);
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "interviewkit.docx";
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    alert(t(`De interviewkit kon niet worden gemaakt: ${error.message}`, `The interview kit could not be made: ${error.message}`));
  }
}

/** The model's text while verification runs: labelled as a draft, never as the answer. */
function renderDraft(text) {
  const box = element("div", "draft-box");
  const label = element("span", "draft-label", t("Concept — wordt gecontroleerd", "Draft — being checked"));
  box.append(label, markdown(text));
  return box;
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
      let event = "message";
      let data;
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data = line.slice(6);
      }
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
  const asked = add("user", document.createTextNode(question));
  scrollTo(asked);
  const pending = add("bot thinking", document.createTextNode(t("Zoekt in de functiebeschrijvingen…", "Searching the job descriptions…")));
  pending.setAttribute("aria-busy", "true");
  try {
    const response = await fetch("/api/ask/stream", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question, conversation }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      pending.remove();
      add("bot refused", document.createTextNode(body.error ?? t("Er ging iets mis.", "Something went wrong.")));
      return;
    }
    let streamed = "";
    for await (const { event, data } of events(response)) {
      if (event === "token") {
        streamed += data.delta;
        pending.className = "msg bot draft";
        pending.replaceChildren(renderDraft(streamed));
      } else if (event === "answer") {
        if (data.conversation) {
          conversation = data.conversation;
          sessionStorage.setItem("fw-conversation", conversation);
        }
        pending.remove();
        add(data.answered ? "bot" : "bot refused", renderAnswer(data));
        // Long answers: show their start under the question; the question box stays docked below.
        scrollTo(asked, "start");
      } else if (event === "error") {
        throw new Error(data.error);
      }
    }
  } catch {
    pending.remove();
    add("bot refused", document.createTextNode(t("Er ging iets mis; probeer het opnieuw.", "Something went wrong; please try again.")));
  } finally {
    busy = false;
    $("send").disabled = false;
    input.focus({ preventScroll: true });
  }
}

async function showStatus() {
  const response = await fetch("/readyz").catch(() => undefined);
  const status = response?.ok ? await response.json() : undefined;
  $("status").textContent = status
    ? t(
        `${status.documents} documenten · ${status.mode === "llm" ? "taalmodel" : "offline"}`,
        `${status.documents} documents · ${status.mode === "llm" ? "language model" : "offline"}`,
      )
    : t("index laden…", "loading index…");
  if (!status) return void setTimeout(showStatus, 2000);
  // Examples made from the documents themselves, once the index is there.
  const examples = await fetch("/api/examples")
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined);
  if (examples?.nl?.length && examples?.en?.length) {
    EXAMPLES = { nl: examples.nl.slice(0, 3), en: examples.en.slice(0, 3) };
    applyLanguage();
  }
}

function fitInput() {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
}

function submit() {
  const question = input.value.trim();
  if (!question || busy) return;
  input.value = "";
  fitInput();
  ask(question);
}

$("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  submit();
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submit();
  }
});
input.addEventListener("input", fitInput);
$("source-close").addEventListener("click", () => $("source").close());
$("source").addEventListener("click", (event) => {
  if (event.target === $("source")) $("source").close(); // a click on the backdrop
});
$("lang").addEventListener("click", () => {
  language = language === "nl" ? "en" : "nl";
  localStorage.setItem("fw-lang", language);
  applyLanguage();
  showStatus();
});
$("reset").addEventListener("click", () => {
  conversation = undefined;
  sessionStorage.removeItem("fw-conversation");
  log.replaceChildren();
  $("welcome").hidden = false;
  input.focus();
});

applyLanguage();
showStatus();
input.focus();
