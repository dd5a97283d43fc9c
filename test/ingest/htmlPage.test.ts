import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../src/ingest/loaders/htmlToMarkdown.js";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { readWebPage } from "../../src/ingest/loaders/webPage.js";
import { tempDir } from "../support/knowledge.js";

/** A federal job page as saved from a browser: site chrome around the vacancy. */
const JOB_PAGE = `<!doctype html>
<html lang="nl"><head><title>Attaché HR | FOD Voorbeeld</title><meta property="og:title" content="Attaché HR - vacature"><script>track()</script><style>body{}</style></head>
<body>
  <div id="cookie-banner" class="cookieConsent"><p>Deze site gebruikt cookies.</p><button>Alles accepteren</button></div>
  <header class="site-header"><a href="/">FOD Voorbeeld</a><nav><ul><li><a href="/">Home</a></li><li><a href="/jobs">Vacatures</a></li></ul></nav></header>
  <div class="breadcrumb"><a href="/">Home</a> &gt; Vacatures</div>
  <main>
    <h1>Attaché HR</h1>
    <p><strong>Jouw functie</strong></p>
    <p>Je adviseert de diensten over <em>selectie</em> en loopbaan.</p>
    <table>
      <tr><th>Niveau</th><th>Klasse</th></tr>
      <tr><td>A</td><td>A2</td></tr>
      <tr><td rowspan="2">Statuut</td><td>Statutair</td></tr>
      <tr><td>Contractueel</td></tr>
    </table>
    <h2>Competenties</h2>
    <ul><li>Samenwerken</li><li>Analyseren</li></ul>
    <form action="/solliciteer"><input name="mail"><button>Solliciteer</button></form>
    <aside class="related">Andere vacatures: Attaché ICT</aside>
    <div class="share-buttons">Deel deze vacature</div>
  </main>
  <footer><p>© FOD Voorbeeld · Privacy · Contact</p></footer>
</body></html>`;

describe("HTML loader keeps only the main content", () => {
  it("drops navigation, cookie banner, header, footer, forms and asides, and keeps the table and title", async () => {
    const dir = tempDir("fw-htmlp-");
    const file = join(dir, "attache-hr.html");
    writeFileSync(file, JOB_PAGE);
    const loaded = await loadFile(file);
    expect(loaded.format).toBe("html");
    expect(loaded.title).toBe("Attaché HR");
    const text = loaded.text;
    expect(text).toMatch(/^# Attaché HR$/m);
    expect(text).toMatch(/^## Jouw functie$/m);
    expect(text).toContain("Je adviseert de diensten over selectie en loopbaan.");
    expect(text).toContain("| Niveau | Klasse |\n| --- | --- |\n| A | A2 |\n| Statuut | Statutair |\n| Statuut | Contractueel |");
    expect(text).toMatch(/^- Samenwerken$/m);
    for (const noise of ["cookies", "accepteren", "Home", "Vacatures", "Solliciteer", "Andere vacatures", "Deel deze", "Privacy", "track()", "body{}"])
      expect(text, noise).not.toContain(noise);
  });

  it("without a main element, leaves out the site header and footer and takes the title from the page", () => {
    const { markdown, title } = readWebPage(
      `<html><head><title>Medewerker Publiekszaken</title></head><body><header><p>Gemeente Voorbeeld</p></header><div class="content"><h2>Taken</h2><p>Helpt inwoners aan de balie.</p></div><div role="contentinfo">Colofon</div><footer>Contact</footer></body></html>`,
    );
    expect(title).toBe("Medewerker Publiekszaken");
    expect(markdown).toBe("## Taken\n\nHelpt inwoners aan de balie.");
  });

  it("flattens what Markdown cannot hold and never passes HTML through", () => {
    const markdown = htmlToMarkdown(
      `<table><tr><td>Taken</td><td><p>Plannen</p><ul><li>Rapporteren</li><li>Overleggen</li></ul>regel<br>twee</td></tr><tr><td colspan="99999">Opmerking</td></tr><tr><td>Link</td><td><a href="javascript:alert(1)">klik</a> <img src="x" onerror="alert(1)"></td></tr></table>`,
    );
    expect(markdown).toBe("| Taken | Plannen; Rapporteren; Overleggen; regel; twee |\n| --- | --- |\n| Opmerking |  |\n| Link | klik |");
    expect(markdown).not.toMatch(/javascript|onerror|<img|<td/);
  });

  it("keeps a layout table's content as paragraphs instead of one giant cell", () => {
    const markdown = htmlToMarkdown(`<table><tr><td><img src="logo.png"></td><td><h2>Profiel</h2><p>Eerste alinea.</p><p>Tweede alinea.</p></td></tr></table>`);
    expect(markdown).toMatch(/^## Profiel$/m);
    expect(markdown).toContain("Eerste alinea.\n\nTweede alinea.");
    expect(markdown).not.toContain("|");
  });

  it("does not turn document text into a live link", () => {
    const markdown = htmlToMarkdown("<p>Zie [het reglement](javascript:alert(1)) en artikel [3] of (bijlage) *B*.</p>");
    expect(markdown).not.toContain("[het reglement](javascript");
    expect(markdown).toContain("het reglement\\](javascript:alert(1))");
    expect(markdown).toContain("artikel [3] of (bijlage) *B*.");
  });

  it("reads a fragment or a page without <body>", () => {
    expect(readWebPage("<h1>Adviseur</h1><p>Tekst <b>vet</b>.</p>")).toEqual({ markdown: "# Adviseur\n\nTekst vet.", title: "Adviseur" });
    expect(readWebPage("Alleen tekst zonder tags").markdown).toBe("Alleen tekst zonder tags");
    expect(readWebPage("<html><head><title>Jurist</title></head><p>Zonder body</p></html>")).toEqual({ markdown: "Zonder body", title: "Jurist" });
  });

  it("states a definition list's facts as label/value lines", () => {
    const markdown = htmlToMarkdown(
      "<dl><dt>Standplaats</dt><dd>Brussel</dd><div><dt>Uren per week:</dt><dd>38</dd></div><dt>Diploma</dt><dd><p>Master</p><p>of gelijkwaardig</p></dd></dl>",
    );
    expect(markdown).toBe("Standplaats: Brussel\nUren per week: 38\nDiploma: Master; of gelijkwaardig");
  });
});
