// The web chat: asks /api/ask, renders the Answer. Text is never inserted as HTML:
// the small Markdown renderer builds DOM nodes, so document text cannot inject markup.
const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("question");
const examples = document.getElementById("examples");
const conversation = sessionStorage.getItem("fw-conversation") ?? crypto.randomUUID();
sessionStorage.setItem("fw-conversation", conversation);
const english = !navigator.language.toLowerCase().startsWith("nl");
const t = (nl, en) => (english ? en : nl);

function inline(parent, text) {
  // **bold** and _italic_ only.
  for (const part of text.split(/(\*\*[^*]+\*\*|_[^_]+_)/)) {
    if (!part) continue;
    if (part.startsWith("**") && part.endsWith("**")) parent.append(Object.assign(document.createElement("strong"), { textContent: part.slice(2, -2) }));
    else if (part.length > 2 && part.startsWith("_") && part.endsWith("_")) parent.append(Object.assign(document.createElement("em"), { textContent: part.slice(1, -1) }));
    else parent.append(document.createTextNode(part));
  }
}

function renderMarkdown(markdown) {
  const root = document.createElement("div");
  let list = null;
  for (const line of markdown.split("\n")) {
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*\d+\. (.*)$/.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? "UL" : "OL";
      if (!list || list.tagName !== kind) root.append((list = document.createElement(kind.toLowerCase())));
      const li = document.createElement("li");
      inline(li, (bullet ?? numbered)[1]);
      list.append(li);
      continue;
    }
    list = null;
    if (!line.trim()) continue;
    const p = document.createElement("p");
    inline(p, line);
    root.append(p);
  }
  return root;
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
  document.getElementById("source-title").textContent = citation.source;
  document.getElementById("source-section").textContent = citation.section;
  document.getElementById("source-quote").textContent = citation.quote ?? "";
  document.getElementById("source").showModal();
}

async function ask(question) {
  examples.hidden = true;
  add("user", document.createTextNode(question));
  const thinking = add("bot thinking", document.createTextNode(t("Zoekt in de functiebeschrijvingen…", "Searching the job descriptions…")));
  try {
    const response = await fetch("/api/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, conversation }) });
    const body = await response.json();
    thinking.remove();
    if (!response.ok) return add("bot refused", document.createTextNode(body.error ?? "Error"));
    const node = renderMarkdown(body.answer);
    const chips = document.createElement("div");
    chips.className = "chips";
    body.citations.forEach((citation, i) => {
      const chip = Object.assign(document.createElement("button"), { className: "chip", type: "button", textContent: `[${i + 1}] ${citation.section.split(" › ").pop()}` });
      chip.title = `${citation.source} › ${citation.section}`;
      chip.addEventListener("click", () => showSource(citation));
      chips.append(chip);
    });
    const followups = document.createElement("div");
    followups.className = "followups";
    for (const followUp of body.followUps) {
      const button = Object.assign(document.createElement("button"), { className: "followup", type: "button", textContent: followUp });
      button.addEventListener("click", () => ask(followUp));
      followups.append(button);
    }
    node.append(chips, followups);
    add(body.answered ? "bot" : "bot refused", node);
  } catch (error) {
    thinking.remove();
    add("bot refused", document.createTextNode(t("Er ging iets mis; probeer het opnieuw.", "Something went wrong; please try again.")));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = "";
  ask(question);
});

for (const example of [t("Welke schaal past bij een servicedesk medewerker?", "Which scale fits a servicedesk employee?"), t("Geef toetsvragen voor onderhandelen", "Give interview questions for negotiation"), t("Wat verandert er van schaal 6 naar 7?", "What changes from scale 6 to 7?")]) {
  const button = Object.assign(document.createElement("button"), { className: "followup", type: "button", textContent: example });
  button.addEventListener("click", () => ask(example));
  examples.append(button);
}
document.getElementById("question").placeholder = t("Stel je vraag…", "Ask your question…");
