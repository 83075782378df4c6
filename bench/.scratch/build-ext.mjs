var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// pipeline/assets/fonts.ts
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
function loadFonts() {
  cache ??= readAll();
  return cache;
}
async function readAll() {
  const require3 = createRequire(import.meta.url);
  const jobs = [];
  for (const f of families) {
    const root = path.dirname(require3.resolve(`${f.pkg}/package.json`));
    const dir = path.join(root, "files");
    const ranges = JSON.parse(await readFile(path.join(root, "unicode.json"), "utf8"));
    for (const weight of weights)
      for (const style of styles)
        for (const subset of subsets) {
          const name = `${f.id}-${subset}-${weight}-${style}.woff2`;
          const range = ranges[subset] ?? "U+0-10FFFF";
          jobs.push(readFile(path.join(dir, name)).then((bytes) => ({ name, range, family: f.family, weight, style, subset, bytes })));
        }
  }
  return Promise.all(jobs);
}
function fontFaceCss(fonts, urlFor, display = "swap") {
  return fonts.map(
    (f) => `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:${display};src:url(${urlFor(f)}) format('woff2');unicode-range:${f.range}}`
  ).join("\n");
}
var families, weights, styles, subsets, cache;
var init_fonts = __esm({
  "pipeline/assets/fonts.ts"() {
    "use strict";
    families = [
      { pkg: "@fontsource/source-serif-4", id: "source-serif-4", family: "Source Serif 4" },
      { pkg: "@fontsource/source-sans-3", id: "source-sans-3", family: "Source Sans 3" }
    ];
    weights = [400, 600, 700];
    styles = ["normal", "italic"];
    subsets = ["latin", "latin-ext"];
  }
});

// pipeline/diagnostics/catalogue.ts
var catalogue;
var init_catalogue = __esm({
  "pipeline/diagnostics/catalogue.ts"() {
    "use strict";
    catalogue = {
      // edition.yaml
      "edition-missing": { severity: "error", hint: "Create edition.yaml at the edition root (see docs/authoring.md)." },
      "edition-yaml": { severity: "error", hint: 'Fix the YAML syntax: check indentation and that text with ":" is quoted.' },
      "edition-field": { severity: "error", hint: "Give the field the kind of value described in docs/authoring.md#editionyaml." },
      "edition-unknown-field": { severity: "warning", hint: "Remove the field or check its spelling against docs/authoring.md#editionyaml." },
      "chapter-missing": { severity: "error", hint: "Create the file in chapters/ or correct the name in the chapters list of edition.yaml." },
      "chapter-duplicate": { severity: "error", hint: "List each chapter file only once in edition.yaml." },
      "chapter-unlisted": { severity: "warning", hint: "Add the file to the chapters list in edition.yaml, or delete it if it is not needed." },
      "slug-duplicate": { severity: "error", hint: "Give one of the chapters another file name or a distinct `slug` in its front matter." },
      // front matter
      "frontmatter-missing": { severity: "error", hint: 'Start the chapter with front matter between two "---" lines, with at least title, kind and summary.' },
      "frontmatter-yaml": { severity: "error", hint: 'Fix the YAML syntax of the front matter: check indentation and quote text containing ":".' },
      "frontmatter-field": { severity: "error", hint: "Give the field the kind of value described in docs/authoring.md#front-matter." },
      "frontmatter-required": { severity: "error", hint: "Add the missing field to the front matter (see docs/authoring.md#front-matter)." },
      "frontmatter-unknown-field": { severity: "warning", hint: "Remove the field or check its spelling against docs/authoring.md#front-matter." },
      "frontmatter-kind": { severity: "error", hint: "Use one of: foreword, executive-summary, essay, guest-essay, case-study, methodology, annex." },
      "frontmatter-audience": { severity: "error", hint: "Use audience: public or audience: members." },
      "frontmatter-country": { severity: "error", hint: "Use the two-letter ISO 3166-1 code in capitals, e.g. PL for Poland, DE for Germany." },
      // Markdown
      "markdown-encoding": { severity: "error", hint: 'Save the chapter as UTF-8 (in most editors: "Save with encoding" \u2192 UTF-8).' },
      "markdown-too-large": { severity: "error", hint: "Split the chapter into smaller files; chapters over the size limit are refused." },
      "markdown-too-deep": { severity: "error", hint: "Flatten the nesting of lists and quotes; content nested this deep is refused." },
      "heading-title": { severity: "warning", hint: 'The chapter title comes from the front matter; start the body with "##" headings.' },
      "heading-skip": { severity: "warning", hint: 'Do not skip heading levels: follow "##" with "###", not "####".' },
      "id-duplicate": { severity: "error", hint: "Give each heading and figure in the edition a distinct id or title." },
      "link-chapter": { severity: "error", hint: "Link to a chapter by its file name, e.g. [housing](housing.md), and check it is listed in edition.yaml." },
      "link-anchor": { severity: "error", hint: 'Check the part after "#": it must be the id of a heading or figure in the target chapter.' },
      "image-missing": { severity: "error", hint: "Put the image under chapters/ (e.g. chapters/images/map.png) and write the path from the chapter, e.g. ![\u2026](images/map.png)." },
      "image-remote": { severity: "error", hint: "Download the image into chapters/images/ and link it from there; editions load nothing from other sites." },
      "image-alt": { severity: "error", hint: "Describe the image in the brackets: ![what the image shows](path)." },
      "directive-unknown": { severity: "error", hint: "Use one of the directives in docs/authoring.md: chart, stat, ref, callout, pullquote, members, respondents, questionnaire." },
      "directive-attribute": { severity: "error", hint: "Check the directive attributes against docs/authoring.md." },
      "ref-unknown": { severity: "error", hint: "Refer to a figure id that exists, e.g. :ref{#fig-housing-drivers}, and give that chart the id." },
      // charts and stats
      "chart-alt": { severity: "error", hint: 'Add alt="\u2026" describing what the chart shows; the caption is not enough.' },
      "chart-caption": { severity: "error", hint: "Write the caption in the brackets: ::chart[Caption]{\u2026}." },
      "chart-source": { severity: "error", hint: "Give the chart question=\u2026, type=map|tiles or spec=\u2026 (see docs/authoring.md#survey-numbers-and-charts)." },
      "chart-question": { severity: "error", hint: "Use a question id from the survey codebook, e.g. question=Q07." },
      "chart-option": { severity: "error", hint: "Check the chart attributes (by, compare, type) against docs/authoring.md." },
      "chart-spec": { severity: "error", hint: "Fix the custom Vega-Lite spec in data/charts/: name data by dataset id only, never by url or path." },
      "chart-render": { severity: "error", hint: "The chart could not be drawn; check its spec and data." },
      "chart-suppressed": { severity: "error", hint: "The question has fewer answers than survey.minBase, so no percentage may be shown; remove the chart or describe the result in words." },
      "stat-unknown": { severity: "error", hint: "Check the :stat attributes: question, option or value must exist in the codebook." },
      // surveys
      "survey-missing": { severity: "error", hint: "Add the survey codebook and CSV to data/, or correct the survey id." },
      "codebook-yaml": { severity: "error", hint: "Fix the YAML syntax of the codebook." },
      "codebook-field": { severity: "error", hint: "Give the codebook field the value described in docs/authoring.md#codebooks." },
      "csv-encoding": { severity: "error", hint: 'Save the CSV as UTF-8 (Excel: "CSV UTF-8"), or declare its encoding in the codebook, e.g. encoding: windows-1250.' },
      "csv-ragged": { severity: "error", hint: "Every row must have as many cells as the header; check for stray separators or unquoted line breaks." },
      "csv-parse": { severity: "error", hint: "Check the quoting in the CSV: a quote opened in a cell must be closed." },
      "csv-column-unknown": { severity: "error", hint: "Add the column to the codebook, or remove it from the CSV." },
      "csv-column-missing": { severity: "error", hint: "Add the column to the CSV, or remove the question from the codebook." },
      "csv-code-unknown": { severity: "error", hint: "Use one of the option codes listed in the codebook, or add the code there." },
      "csv-out-of-range": { severity: "error", hint: "Check the value against the range declared in the codebook." },
      "csv-city-unknown": { severity: "error", hint: "Use a city code from data/cities.csv, or add the city there." },
      "csv-city-duplicate": { severity: "error", hint: "Each city may answer once; remove or merge the duplicate row." },
      "cities-field": { severity: "error", hint: "Check the row in data/cities.csv against docs/authoring.md#cities." },
      "cities-missing": { severity: "error", hint: "Add data/cities.csv with the member cities (see docs/authoring.md#cities)." },
      "csv-number": { severity: "error", hint: "Write numbers with digits and the decimal mark declared in the codebook (file.decimal), without thousands separators." },
      "csv-column-duplicate": { severity: "error", hint: "Give each CSV column a distinct name in the header row." },
      "csv-rank-duplicate": { severity: "error", hint: "A city can rank each option only once; check the rank columns of this row." },
      // build
      "pdf-toc": { severity: "error", hint: "A table-of-contents page number did not match its heading; report this as a pipeline bug." },
      "pdf-print": { severity: "error", hint: "Chromium crashed or hung while printing; rerun the build, and check memory and /tmp space." },
      "output-write": { severity: "error", hint: "Check that the output folder can be written and the disk has space; the previous output was kept." },
      "pdf-browser": { severity: "error", hint: "Install Chromium (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH." }
    };
  }
});

// pipeline/stages/charts/basemap.ts
var basemap_exports = {};
__export(basemap_exports, {
  basemapFeatures: () => basemapFeatures
});
import { readFile as readFile4 } from "node:fs/promises";
import { createRequire as createRequire2 } from "node:module";
import { feature } from "topojson-client";
async function basemapFeatures(frame) {
  cached ??= load();
  const all = await cached;
  const m = 2;
  return all.filter(
    (c) => c.box.east >= frame.west - m && c.box.west <= frame.east + m && c.box.north >= frame.south - m && c.box.south <= frame.north + m
  ).map((c) => c.feature);
}
async function load() {
  const path9 = createRequire2(import.meta.url).resolve("world-atlas/countries-50m.json");
  const topology = JSON.parse(await readFile4(path9, "utf8"));
  return feature(topology, topology.objects.countries).features.filter((f) => f.geometry !== null).map((f) => ({ feature: { type: "Feature", id: f.id ?? "", properties: {}, geometry: f.geometry }, box: boxOf(f.geometry) }));
}
function boxOf(geometry) {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const walk = (c) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      const [x2, y] = c;
      west = Math.min(west, x2);
      east = Math.max(east, x2);
      south = Math.min(south, y);
      north = Math.max(north, y);
    } else c.forEach(walk);
  };
  walk("coordinates" in geometry ? geometry.coordinates : []);
  return { west, east, south, north };
}
var cached;
var init_basemap = __esm({
  "pipeline/stages/charts/basemap.ts"() {
    "use strict";
  }
});

// pipeline/stages/markdown/labels.ts
function labelsFor(language) {
  const primary2 = language.toLowerCase().split("-")[0] ?? "en";
  return byLanguage[primary2] ?? byLanguage["en"];
}
var byLanguage;
var init_labels = __esm({
  "pipeline/stages/markdown/labels.ts"() {
    "use strict";
    byLanguage = {
      en: { figure: "Figure", notes: "Notes", backToText: "Back to reference", membersOnly: "Members only", table: "Table" },
      fr: { figure: "Figure", notes: "Notes", backToText: "Retour \xE0 la r\xE9f\xE9rence", membersOnly: "R\xE9serv\xE9 aux membres", table: "Tableau" },
      de: { figure: "Abbildung", notes: "Anmerkungen", backToText: "Zur\xFCck zum Verweis", membersOnly: "Nur f\xFCr Mitglieder", table: "Tabelle" },
      es: { figure: "Figura", notes: "Notas", backToText: "Volver a la referencia", membersOnly: "Solo para miembros", table: "Tabla" },
      it: { figure: "Figura", notes: "Note", backToText: "Torna al riferimento", membersOnly: "Riservato ai membri", table: "Tabella" },
      pl: { figure: "Rysunek", notes: "Przypisy", backToText: "Powr\xF3t do odwo\u0142ania", membersOnly: "Tylko dla cz\u0142onk\xF3w", table: "Tabela" },
      nl: { figure: "Figuur", notes: "Noten", backToText: "Terug naar verwijzing", membersOnly: "Alleen voor leden", table: "Tabel" }
    };
  }
});

// pipeline/stages/render/figure.ts
import { h as h4 } from "hastscript";
function renderFigure(figure, target, labels, csvUrl) {
  const captionId = `${figure.id}-caption`;
  const children = [
    h4("figcaption", { id: captionId, className: ["chart-caption"] }, [h4("span", { className: ["chart-number"] }, `${labels.figure} ${figure.number}`), " ", figure.caption]),
    h4("div", { className: ["chart-svg"] }, [{ type: "raw", value: figure.svg }]),
    h4("p", { className: ["chart-source"] }, figure.sourceNote)
  ];
  const notes = [...figure.notes, ...figure.table.notes.filter((n) => !figure.notes.includes(n))];
  if (notes.length > 0) children.push(h4("ul", { className: ["chart-notes"] }, notes.map((n) => h4("li", n))));
  if (target === "web") {
    children.push(
      h4("details", { className: ["chart-data"] }, [
        h4("summary", `Data table for ${labels.figure.toLowerCase()} ${figure.number}`),
        dataTable(figure.table, `${labels.figure} ${figure.number}: ${figure.caption}`)
      ]),
      h4("p", { className: ["chart-download"] }, [h4("a", { href: figure.csvName, download: figure.csvName }, `Download the data (CSV, ${labels.figure.toLowerCase()} ${figure.number})`)])
    );
  } else {
    children.push(h4("p", { className: ["chart-data-note"] }, `Data: ${csvUrl}`));
  }
  const role = target === "print" ? "group" : void 0;
  return h4("figure", { className: ["chart", `chart-${figure.kind}`], id: figure.id, role, ariaLabelledBy: captionId }, children);
}
function scrollRegion(label, table) {
  return h4("div", { className: ["table-scroll"], role: "region", ariaLabel: label, tabIndex: 0 }, [table]);
}
function dataTable(table, caption) {
  return scrollRegion(
    `Data table: ${caption}`,
    h4("table", { className: ["data-table"] }, [
      h4("caption", caption),
      h4("thead", [h4("tr", table.columns.map((c) => h4("th", { scope: "col", className: c.numeric ? ["num"] : [] }, c.label)))]),
      h4(
        "tbody",
        table.rows.map(
          (row) => h4(
            "tr",
            row.map((cell2, i) => {
              const column = table.columns[i];
              const text3 = cell2 === null ? "\u2013" : String(cell2);
              return i === 0 ? h4("th", { scope: "row" }, text3) : h4("td", { className: column?.numeric ? ["num"] : [] }, text3);
            })
          )
        )
      )
    ])
  );
}
var init_figure = __esm({
  "pipeline/stages/render/figure.ts"() {
    "use strict";
  }
});

// pipeline/stages/render/chapter-body.ts
import { toString as toString5 } from "hast-util-to-string";
function renderChapterBody(chapter, target, ctx) {
  const labels = labelsFor(ctx.language ?? "en");
  const figures = new Map(chapter.figures.map((f) => [f.id, f]));
  const copy = structuredClone(chapter.content);
  replace(copy);
  return copy;
  function replace(parent) {
    const out = [];
    for (const child of parent.children) {
      if (child.type === "element") {
        const ref = child.properties["dataMonitorFigure"];
        if (child.tagName === "div" && ref !== void 0) {
          const figure = figures.get(String(ref));
          if (figure) out.push(renderFigure(figure, target, labels, `${ctx.baseUrl}${chapter.slug}/${figure.csvName}`));
          continue;
        }
        if (target === "print" && child.tagName === "figure") child.properties["role"] = "group";
        if (target === "web" && child.tagName === "div" && hasClass(child, "table-scroll")) asScrollRegion(child);
        replace(child);
      }
      out.push(child);
    }
    parent.children = out;
  }
}
function hasClass(el, name) {
  const c = el.properties["className"];
  return Array.isArray(c) && c.includes(name);
}
function asScrollRegion(box2) {
  let caption;
  const find = (el) => {
    for (const c of el.children) {
      if (caption || c.type !== "element") continue;
      if (c.tagName === "caption") caption = c;
      else find(c);
    }
  };
  find(box2);
  const text3 = caption ? toString5(caption).replace(/\s+/g, " ").trim() : "";
  box2.properties["role"] = "region";
  box2.properties["ariaLabel"] = text3 === "" ? "Table" : `Table: ${text3}`;
  box2.properties["tabIndex"] = 0;
}
var init_chapter_body = __esm({
  "pipeline/stages/render/chapter-body.ts"() {
    "use strict";
    init_labels();
    init_figure();
  }
});

// pipeline/stages/render/chapter-header.ts
import { h as h5 } from "hastscript";
function renderChapterHeader(chapter, target, language = "en") {
  const fm = chapter.frontMatter;
  const meta = [];
  if (fm.authors.length > 0) {
    meta.push(
      h5(
        "p",
        { className: ["authors"] },
        fm.authors.flatMap((a, i) => [
          ...i > 0 ? ["; "] : [],
          h5("span", { className: ["author-name"] }, a.name),
          ...a.role || a.organisation ? [`, ${[a.role, a.organisation].filter(Boolean).join(", ")}`] : []
        ])
      )
    );
  }
  if (target === "web" && (fm.kind === "essay" || fm.kind === "guest-essay")) {
    meta.push(h5("p", { className: ["reading-time"] }, `Reading time: ${chapter.readingMinutes} minute${chapter.readingMinutes === 1 ? "" : "s"}`));
  }
  const header = h5("header", { className: ["chapter-header"] }, [
    h5("p", { className: ["chapter-kind"] }, `${kindLabels[fm.kind]}`),
    h5("h1", { id: target === "web" ? "top" : `${chapter.slug}--top` }, [h5("span", { className: ["chapter-number"] }, `${chapter.number}`), " ", fm.title]),
    h5("p", { className: ["standfirst"] }, fm.summary),
    ...meta
  ]);
  const out = [header];
  if (fm.caseStudy) out.push(caseFacts(chapter, language));
  return out;
}
function caseFacts(chapter, language) {
  const cs = chapter.frontMatter.caseStudy;
  if (!cs) throw new Error("not a case study");
  const country = new Intl.DisplayNames([language, "en"], { type: "region" }).of(cs.country) ?? cs.country;
  const rows = [
    ["City", `${cs.city}, ${country}`],
    ["Themes", cs.themes.join(", ")]
  ];
  if (cs.period) rows.push(["Period", cs.period]);
  if (cs.partners.length) rows.push(["Partners", cs.partners.join(", ")]);
  if (cs.award) rows.push(["Eurocities Award", `${cs.award.year}, ${cs.award.category}: ${cs.award.result === "winner" ? "winner" : "shortlisted"}`]);
  for (const m of cs.metrics) rows.push([m.label, m.value]);
  if (cs.funding) rows.push(["Funding", cs.funding]);
  if (cs.contact) {
    const contact2 = [cs.contact.name];
    if (cs.contact.email) contact2.push(", ", h5("a", { href: `mailto:${cs.contact.email}` }, cs.contact.email));
    if (cs.contact.audience === "members") contact2.push(" ", h5("span", { className: ["members-badge"] }, "(members only)"));
    rows.push(["Contact", h5("span", contact2)]);
  }
  return h5("aside", { className: ["case-facts"], ariaLabel: "Key facts" }, [
    h5("dl", rows.flatMap(([k, v]) => [h5("dt", k), h5("dd", [v])]))
  ]);
}
var kindLabels;
var init_chapter_header = __esm({
  "pipeline/stages/render/chapter-header.ts"() {
    "use strict";
    kindLabels = {
      foreword: "Foreword",
      "executive-summary": "Executive summary",
      essay: "Voices from cities",
      "guest-essay": "Guest essay",
      "case-study": "Best practice",
      methodology: "Methodology",
      annex: "Annex"
    };
  }
});

// pipeline/stages/emit-pdf/errors.ts
var fallbackHints, PdfEmitError;
var init_errors = __esm({
  "pipeline/stages/emit-pdf/errors.ts"() {
    "use strict";
    init_catalogue();
    fallbackHints = {
      "pdf-browser": "Install Chromium (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH.",
      "pdf-toc": "A table-of-contents page number did not match its heading; report this as a pipeline bug.",
      "pdf-print": "Chromium crashed or hung while printing; rerun the build, and check memory and /tmp space."
    };
    PdfEmitError = class extends Error {
      ruleId;
      hint;
      constructor(ruleId, message, options) {
        super(message, options);
        this.name = "PdfEmitError";
        this.ruleId = ruleId;
        const known2 = catalogue[ruleId];
        this.hint = known2?.hint ?? fallbackHints[ruleId];
      }
    };
  }
});

// pipeline/stages/emit-pdf/browser.ts
import { existsSync } from "node:fs";
import puppeteer from "puppeteer";
function resolveBrowser(explicit, probe = defaultProbe) {
  const asked = [];
  if (explicit !== void 0 && explicit !== "") asked.push([explicit, "option", "the executablePath option"]);
  const fromEnv = probe.env["PUPPETEER_EXECUTABLE_PATH"];
  if (fromEnv !== void 0 && fromEnv !== "") asked.push([fromEnv, "env", "PUPPETEER_EXECUTABLE_PATH"]);
  for (const [path9, source, name] of asked) {
    if (probe.exists(path9)) return { path: path9, source };
    throw new PdfEmitError("pdf-browser", `No browser at ${path9} (from ${name}).`);
  }
  for (const path9 of systemBrowserPaths) {
    if (probe.exists(path9)) return { path: path9, source: "system" };
  }
  const cached2 = probe.puppeteerCachePath();
  if (cached2 !== void 0 && probe.exists(cached2)) return { path: cached2, source: "puppeteer-cache" };
  throw new PdfEmitError(
    "pdf-browser",
    `No Chrome or Chromium found for the PDF edition. Looked at PUPPETEER_EXECUTABLE_PATH, ${systemBrowserPaths.slice(0, 4).join(", ")}\u2026 and Puppeteer's cache. Install one (Debian/Ubuntu: sudo apt-get install chromium), or point PUPPETEER_EXECUTABLE_PATH at a Chrome binary, or build the HTML edition only with --format html.`
  );
}
var systemBrowserPaths, defaultProbe;
var init_browser = __esm({
  "pipeline/stages/emit-pdf/browser.ts"() {
    "use strict";
    init_errors();
    systemBrowserPaths = [
      "/usr/lib/chromium/chromium",
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/lib/chromium-browser/chromium-browser",
      "/snap/bin/chromium",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/opt/google/chrome/chrome",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium"
    ];
    defaultProbe = {
      env: process.env,
      exists: existsSync,
      puppeteerCachePath() {
        try {
          return puppeteer.executablePath();
        } catch {
          return void 0;
        }
      }
    };
  }
});

// pipeline/stages/emit-pdf/fonts.ts
async function loadFontCss() {
  const fonts = await loadFonts();
  return fontFaceCss(fonts, (f) => `data:font/woff2;base64,${Buffer.from(f.bytes).toString("base64")}`, "block");
}
var init_fonts2 = __esm({
  "pipeline/stages/emit-pdf/fonts.ts"() {
    "use strict";
    init_fonts();
  }
});

// pipeline/stages/emit-pdf/isolation.ts
async function isolatePage(page2) {
  const documents = /* @__PURE__ */ new Map();
  const blocked = [];
  let serial = 0;
  await page2.setJavaScriptEnabled(false);
  await page2.setBypassServiceWorker(true);
  await page2.setRequestInterception(true);
  page2.on("request", (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const body = documents.get(url);
    if (body !== void 0 && request.method() === "GET" && request.resourceType() === "document" && request.frame() === page2.mainFrame()) {
      void request.respond({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "cache-control": "no-store", "content-security-policy": printCsp },
        body
      });
      return;
    }
    if (url.startsWith("data:")) {
      void request.continue();
      return;
    }
    blocked.push(url);
    void request.abort("blockedbyclient");
  });
  return {
    serveDocument(html) {
      documents.clear();
      serial += 1;
      const url = `${printOrigin}/print-${serial}.html`;
      documents.set(url, html);
      return url;
    },
    blocked
  };
}
var printOrigin, printCsp;
var init_isolation = __esm({
  "pipeline/stages/emit-pdf/isolation.ts"() {
    "use strict";
    printOrigin = "https://monitor.invalid";
    printCsp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'none'; object-src 'none'; frame-src 'none'; connect-src 'none'; media-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'";
  }
});

// pipeline/stages/emit-pdf/launch.ts
import { mkdtemp, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer2 from "puppeteer";
function launchArgs(isRoot) {
  return [
    ...isRoot ? ["--no-sandbox"] : [],
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--font-render-hinting=none"
  ];
}
async function launchBrowser(executablePath, log) {
  const userDataDir = await mkdtemp(join(tmpdir(), "monitor-pdf-"));
  let browser;
  try {
    browser = await puppeteer2.launch({
      executablePath,
      headless: true,
      userDataDir,
      // A pipe instead of a DevTools port: nothing listens on loopback while we print.
      pipe: true,
      args: launchArgs(process.getuid?.() === 0),
      timeout: 3e4,
      env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", LANGUAGE: "" }
      // reproducible output: Chromium's locale and zone change its node ids
    });
  } catch (error) {
    await rm3(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
  const child = browser.process();
  log(`pdf: Chromium pid ${child?.pid ?? "?"}, profile ${userDataDir}`);
  let closed = false;
  async function close() {
    if (closed) return;
    closed = true;
    const done = browser.close().then(
      () => true,
      () => false
    );
    const inTime = await Promise.race([done, delay(closeGraceMs).then(() => false)]);
    const pid = child?.pid;
    if (pid !== void 0 && (!inTime || child?.exitCode === null && child.signalCode === null)) {
      log(`pdf: Chromium did not close in time; killing process group ${pid}`);
      killGroup(pid);
      await waitForExit(child, 2e3);
    }
    await rm3(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => void 0);
  }
  return { browser, userDataDir, close };
}
function killGroup(pid) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
    }
  }
}
async function waitForExit(child, ms2) {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([new Promise((resolve) => child.once("exit", resolve)), delay(ms2)]);
}
function delay(ms2) {
  return new Promise((resolve) => setTimeout(resolve, ms2).unref());
}
var closeGraceMs;
var init_launch = __esm({
  "pipeline/stages/emit-pdf/launch.ts"() {
    "use strict";
    closeGraceMs = 3e3;
  }
});

// pipeline/stages/emit-pdf/metadata.ts
import { PDFBool, PDFDict, PDFName, PDFString } from "pdf-lib";
function applyMetadata(doc, info) {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords([...info.keywords]);
  doc.setCreator("Eurocities Monitor build pipeline");
  doc.setProducer("Chromium (Skia/PDF) with pdf-lib");
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  const catalog = doc.catalog;
  if (catalog.get(PDFName.of("Lang")) === void 0) catalog.set(PDFName.of("Lang"), PDFString.of(info.language));
  if (catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict) === void 0 && catalog.get(PDFName.of("StructTreeRoot")) !== void 0) {
    catalog.set(PDFName.of("MarkInfo"), doc.context.obj({ Marked: PDFBool.True }));
  }
}
function documentDate(sourceDateEpoch, buildDate) {
  if (sourceDateEpoch !== void 0 && /^\d+$/.test(sourceDateEpoch.trim())) return new Date(Number(sourceDateEpoch.trim()) * 1e3);
  return buildDate;
}
var init_metadata = __esm({
  "pipeline/stages/emit-pdf/metadata.ts"() {
    "use strict";
  }
});

// pipeline/stages/emit-pdf/outline.ts
import { PDFArray, PDFDict as PDFDict2, PDFHexString, PDFName as PDFName2, PDFRef, PDFString as PDFString2 } from "pdf-lib";
function readOutline(doc) {
  const context = doc.context;
  const pageNumbers = /* @__PURE__ */ new Map();
  doc.getPages().forEach((page2, index) => pageNumbers.set(page2.ref.toString(), index + 1));
  const named = namedDestinations(doc);
  const items = [];
  const seen = /* @__PURE__ */ new Set();
  const pageOf = (dest) => {
    const resolved = dest instanceof PDFRef ? context.lookup(dest) : dest;
    if (resolved instanceof PDFName2 || resolved instanceof PDFString2 || resolved instanceof PDFHexString) {
      const key = resolved instanceof PDFName2 ? resolved.decodeText() : resolved.decodeText();
      return pageOf(named.get(key));
    }
    if (resolved instanceof PDFDict2) return pageOf(resolved.get(PDFName2.of("D")));
    if (resolved instanceof PDFArray) {
      const target = resolved.get(0);
      return target instanceof PDFRef ? pageNumbers.get(target.toString()) : void 0;
    }
    return void 0;
  };
  const walk = (first, depth) => {
    let node = first === void 0 ? void 0 : context.lookupMaybe(first, PDFDict2);
    while (node !== void 0 && !seen.has(node)) {
      seen.add(node);
      const title = node.lookup(PDFName2.of("Title"));
      let dest = node.get(PDFName2.of("Dest"));
      if (dest === void 0) {
        const action = node.lookupMaybe(PDFName2.of("A"), PDFDict2);
        if (action?.lookup(PDFName2.of("S"))?.toString() === "/GoTo") dest = action.get(PDFName2.of("D"));
      }
      items.push({
        title: title instanceof PDFString2 || title instanceof PDFHexString ? title.decodeText() : "",
        page: pageOf(dest),
        depth,
        dict: node
      });
      walk(node.get(PDFName2.of("First")), depth + 1);
      const next = node.get(PDFName2.of("Next"));
      node = next === void 0 ? void 0 : context.lookupMaybe(next, PDFDict2);
    }
  };
  const outlines = doc.catalog.lookupMaybe(PDFName2.of("Outlines"), PDFDict2);
  if (outlines !== void 0) walk(outlines.get(PDFName2.of("First")), 0);
  return items;
}
function namedDestinations(doc) {
  const out = /* @__PURE__ */ new Map();
  const context = doc.context;
  const old = doc.catalog.lookupMaybe(PDFName2.of("Dests"), PDFDict2);
  if (old !== void 0) for (const [key, value] of old.entries()) out.set(key.decodeText(), value);
  const visited = /* @__PURE__ */ new Set();
  const walkTree = (node) => {
    if (node === void 0 || visited.has(node)) return;
    visited.add(node);
    const names = node.lookupMaybe(PDFName2.of("Names"), PDFArray);
    if (names !== void 0) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = names.lookup(i);
        if (key instanceof PDFString2 || key instanceof PDFHexString) out.set(key.decodeText(), names.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName2.of("Kids"), PDFArray);
    if (kids !== void 0) for (let i = 0; i < kids.size(); i++) walkTree(context.lookupMaybe(kids.get(i), PDFDict2));
  };
  walkTree(doc.catalog.lookupMaybe(PDFName2.of("Names"), PDFDict2)?.lookupMaybe(PDFName2.of("Dests"), PDFDict2));
  return out;
}
function setOutlineTitle(item, title) {
  item.dict.set(PDFName2.of("Title"), PDFHexString.fromText(title));
}
var init_outline = __esm({
  "pipeline/stages/emit-pdf/outline.ts"() {
    "use strict";
  }
});

// pipeline/stages/emit-pdf/hyphenate.ts
import { createRequire as createRequire3 } from "node:module";
function hyphenatorFor(lang) {
  const tag = lang.toLowerCase();
  const id = patternIds[tag] ?? patternIds[tag.split("-")[0] ?? ""];
  if (id === void 0) return void 0;
  if (!hyphenators.has(id)) {
    try {
      const mod = require2(`hyphen/${id}`);
      const words = /* @__PURE__ */ new Map();
      hyphenators.set(id, (word) => {
        let out = words.get(word);
        if (out === void 0) {
          out = mod.hyphenateSync(word, { minWordLength: 6 });
          words.set(word, out);
        }
        return out;
      });
    } catch {
      hyphenators.set(id, void 0);
    }
  }
  return hyphenators.get(id);
}
function hyphenateTree(tree, lang) {
  visit6(tree, hyphenatorFor(lang));
}
function visit6(node, hyphenate) {
  let current = hyphenate;
  if (node.type === "element") {
    if (skipTags.has(node.tagName) || node.properties["translate"] === "no" || hasClass2(node, "nohyphenate")) return;
    if (node.tagName === "a" && looksLikeUrl(node)) return;
    if ((node.tagName === "td" || node.tagName === "th") && numeric.test(textOf(node))) return;
    const lang = node.properties["lang"];
    if (typeof lang === "string" && lang !== "") current = hyphenatorFor(lang);
  }
  for (const child of node.children) {
    if (child.type === "element") visit6(child, current);
    else if (child.type === "text" && current !== void 0) child.value = hyphenateText(child.value, current);
  }
}
function hyphenateText(text3, hyphenate) {
  return text3.replace(/\S+/g, (token) => urlLike.test(token) ? token : token.replace(/\p{L}{6,}/gu, (word) => isAcronym(word) ? word : hyphenate(word)));
}
function looksLikeUrl(a) {
  const text3 = textOf(a).trim();
  return urlLike.test(text3) && !/\s/.test(text3);
}
function hasClass2(node, name) {
  const cls = node.properties["className"];
  return Array.isArray(cls) && cls.includes(name);
}
function textOf(node) {
  let out = "";
  for (const child of node.children) {
    if (child.type === "text") out += child.value;
    else if (child.type === "element") out += textOf(child);
  }
  return out;
}
var require2, patternIds, hyphenators, skipTags, urlLike, numeric, isAcronym;
var init_hyphenate = __esm({
  "pipeline/stages/emit-pdf/hyphenate.ts"() {
    "use strict";
    require2 = createRequire3(import.meta.url);
    patternIds = {
      en: "en-gb",
      "en-gb": "en-gb",
      "en-us": "en-us",
      de: "de",
      "de-de": "de",
      "de-at": "de",
      "de-ch": "de-ch-1901",
      fr: "fr",
      es: "es",
      it: "it",
      nl: "nl",
      pl: "pl",
      pt: "pt",
      "pt-br": "pt",
      sv: "sv",
      da: "da",
      fi: "fi",
      nb: "nb",
      nn: "nn",
      no: "no",
      cs: "cs",
      sk: "sk",
      sl: "sl",
      hr: "hr",
      hu: "hu",
      ro: "ro",
      bg: "bg",
      el: "el-monoton",
      et: "et",
      lt: "lt",
      lv: "lv",
      ca: "ca",
      eu: "eu",
      gl: "gl",
      ga: "ga",
      cy: "cy",
      is: "is",
      uk: "uk",
      ru: "ru",
      sr: "sr",
      tr: "tr",
      mk: "mk",
      sq: "sq"
    };
    hyphenators = /* @__PURE__ */ new Map();
    skipTags = /* @__PURE__ */ new Set(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "var", "svg", "math", "script", "style", "title", "abbr"]);
    urlLike = /:\/\/|^www\.|@|\/|\p{L}\.\p{L}/u;
    numeric = /^[\s\d.,%‰+\-−–—()€$£/:]*$/u;
    isAcronym = (word) => word === word.toUpperCase();
  }
});

// pipeline/stages/emit-pdf/page-css.ts
function cssString(value) {
  let out = '"';
  for (const char of value) {
    const code2 = char.codePointAt(0) ?? 0;
    if (char === '"' || char === "\\" || char === "<" || char === ">" || char === "&" || code2 < 32 || code2 === 127 || code2 === 8232 || code2 === 8233) {
      out += `\\${code2.toString(16)} `;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}
function chapterPageCss(chapters, runningTitle) {
  const rules = [];
  for (const chapter of chapters) {
    const name = pageName(chapter);
    rules.push(
      `.${chapterClass(chapter)}{page:${name}}`,
      `@page ${name}:left{@top-left{content:${cssString(runningTitle)}}}`,
      `@page ${name}:right{@top-right{content:${cssString(chapter.frontMatter.title)}}}`
    );
  }
  return rules.join("\n");
}
var pageName, chapterClass;
var init_page_css = __esm({
  "pipeline/stages/emit-pdf/page-css.ts"() {
    "use strict";
    pageName = (chapter) => `ch${chapter.number}`;
    chapterClass = (chapter) => `chapter-${chapter.number}`;
  }
});

// pipeline/stages/emit-pdf/chapter-print.ts
import { h as h7 } from "hastscript";
function printChapter(chapter, ctx) {
  const header = renderChapterHeader(chapter, "print", ctx.language);
  const body = renderChapterBody(chapter, "print", { baseUrl: ctx.baseUrl, language: ctx.language });
  const titleKey = markTitle(header, chapter);
  endnotes(body, chapter.slug);
  inlineImages(body, ctx.images);
  const lang = chapter.frontMatter.lang;
  hyphenateTree(body, lang ?? ctx.language);
  return {
    titleKey,
    section: h7(
      "section",
      {
        className: ["chapter", `chapter-${chapter.frontMatter.kind}`, chapterClass(chapter)],
        id: `chapter-${chapter.slug}`,
        lang: lang !== void 0 && lang !== ctx.language ? lang : void 0
      },
      [...header, h7("div.chapter-body", body.children)]
    )
  };
}
function markTitle(header, chapter) {
  const title = findFirst(header, (el) => el.tagName === "h1");
  if (title === void 0) {
    const made = h7("h1", { id: `${chapter.slug}--title`, dataRecto: "" }, chapter.frontMatter.title);
    header.unshift(made);
    return `${chapter.slug}--title`;
  }
  const id = typeof title.properties["id"] === "string" && title.properties["id"] !== "" ? title.properties["id"] : `${chapter.slug}--title`;
  title.properties["id"] = id;
  title.properties["dataRecto"] = "";
  return id;
}
function endnotes(body, slug) {
  const renamed = /* @__PURE__ */ new Map();
  walkElements(body, (el) => {
    const id = el.properties["id"];
    if (typeof id === "string" && /^(fn-|fnref-|footnote-label$)/.test(id)) {
      renamed.set(id, `${slug}--${id}`);
      el.properties["id"] = `${slug}--${id}`;
    }
  });
  walkElements(body, (el) => {
    const href = el.properties["href"];
    if (typeof href === "string" && href.startsWith("#")) el.properties["href"] = `#${renamed.get(href.slice(1)) ?? href.slice(1)}`;
    const refs = el.properties["ariaDescribedBy"];
    if (Array.isArray(refs)) el.properties["ariaDescribedBy"] = refs.map((r) => renamed.get(String(r)) ?? r);
  });
  const section = findFirst(body.children, (el) => el.properties["dataFootnotes"] !== void 0 || hasClass3(el, "footnotes"));
  if (section === void 0) return;
  section.properties["className"] = ["endnotes"];
  section.children = section.children.map(
    (child) => child.type === "element" && /^h[1-6]$/.test(child.tagName) ? h7("p.endnotes-label", { id: child.properties["id"] }, child.children) : child
  );
}
function hasClass3(el, name) {
  const cls = el.properties["className"];
  return Array.isArray(cls) && cls.includes(name);
}
function inlineImages(body, images) {
  walkElements(body, (el) => {
    if (el.tagName !== "img") return;
    const src = el.properties["src"];
    const data = typeof src === "string" ? images.get(src) : void 0;
    el.properties["src"] = data;
    delete el.properties["srcSet"];
  });
}
function findFirst(nodes, test) {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (test(node)) return node;
    const inner = findFirst(node.children, test);
    if (inner !== void 0) return inner;
  }
  return void 0;
}
function walkElements(node, fn) {
  for (const child of node.children) {
    if (child.type === "element") {
      fn(child);
      walkElements(child, fn);
    }
  }
}
var init_chapter_print = __esm({
  "pipeline/stages/emit-pdf/chapter-print.ts"() {
    "use strict";
    init_chapter_body();
    init_chapter_header();
    init_hyphenate();
    init_page_css();
  }
});

// pipeline/stages/emit-pdf/front.ts
import { h as h8 } from "hastscript";
function documentTitle(edition) {
  const { title, year } = edition.config;
  return title.includes(String(year)) ? title : `${title} ${year}`;
}
function cover(edition) {
  const { config } = edition;
  return h8("section.cover", { ariaLabel: "Cover" }, [
    h8("p.cover-publisher", config.publisher),
    h8("p.cover-title", config.title),
    config.subtitle === void 0 ? null : h8("p.cover-subtitle", config.subtitle),
    h8("p.cover-year", String(config.year)),
    config.sampleData ? h8("p.cover-sample", "Sample edition \xB7 synthetic survey data") : null,
    edition.profile === "members" ? h8("p.cover-profile", "Members\u2019 edition: not for public distribution") : null
  ]);
}
function imprint(edition, date) {
  const { config } = edition;
  const row = (term, value) => [h8("dt", term), h8("dd", value)];
  return h8("section.imprint", { ariaLabel: "Imprint" }, [
    config.sampleData ? h8("p.sample-notice", sampleNotice) : null,
    h8("p.imprint-title", documentTitle(edition)),
    config.subtitle === void 0 ? null : h8("p.imprint-subtitle", config.subtitle),
    h8("dl.imprint-facts", [
      ...row("Publisher", config.publisher),
      ...row("Year", String(config.year)),
      ...row("Licence", config.licence),
      ...config.isbn === void 0 ? [] : row("ISBN", config.isbn),
      ...row("Online edition", h8("a", { href: config.baseUrl }, config.baseUrl)),
      ...row("Contact", config.contact),
      ...row("Edition", edition.profile === "members" ? "Members\u2019 edition" : "Public edition"),
      ...row("Built", date.toISOString().slice(0, 10))
    ])
  ]);
}
function tableOfContents(entries, pages) {
  const pageCell = (key) => h8("span.toc-page", pages?.get(key)?.toString() ?? "");
  const entry = (key, number, title) => h8("a.toc-entry", { href: `#${key}` }, [h8("span.toc-number", number), h8("span.toc-title", title), pageCell(key)]);
  return h8("section.toc", [
    h8("h1#contents", { dataRecto: "" }, "Contents"),
    h8(
      "ol.toc-list",
      entries.map(({ chapter, key }) => {
        const sections = chapter.headings.filter((heading) => heading.depth === 2);
        return h8("li.toc-chapter", [
          entry(key, String(chapter.number), chapter.frontMatter.title),
          sections.length === 0 ? null : h8("ol.toc-sections", sections.map((s) => h8("li", entry(s.id, "", s.text))))
        ]);
      })
    )
  ]);
}
var sampleNotice;
var init_front = __esm({
  "pipeline/stages/emit-pdf/front.ts"() {
    "use strict";
    sampleNotice = "Illustrative sample edition with synthetic survey data: the survey results, cities\u2019 answers and figures in this edition are invented for demonstration and describe no real city or survey.";
  }
});

// pipeline/stages/emit-pdf/print-html.ts
import { h as h9 } from "hastscript";
import { toHtml as toHtml2 } from "hast-util-to-html";
import { toString as toString6 } from "hast-util-to-string";
function buildPrintDocument(edition, tocPages, assets, blankBefore = /* @__PURE__ */ new Set()) {
  const { config } = edition;
  const ctx = { baseUrl: config.baseUrl, language: config.language, images: assets.images ?? /* @__PURE__ */ new Map() };
  const chapters = printChapters(edition, ctx);
  const toc = tableOfContents(
    edition.chapters.map((chapter, i) => ({ chapter, key: chapters[i]?.titleKey ?? "" })),
    tocPages
  );
  const blank2 = (key) => blankBefore.has(key) ? [h9("div.blank-page", { ariaHidden: "true" })] : [];
  const runningTitle = documentTitle(edition);
  const styles2 = [assets.fontCss, assets.printCss, assets.chartsCss ?? "", chapterPageCss(edition.chapters, runningTitle)];
  const tree = {
    type: "root",
    children: [
      { type: "doctype" },
      h9("html", { lang: config.language }, [
        h9("head", [
          h9("meta", { charSet: "utf-8" }),
          h9("meta", { httpEquiv: "Content-Security-Policy", content: printCsp }),
          h9("title", runningTitle),
          h9("meta", { name: "author", content: config.publisher }),
          h9("meta", { name: "description", content: config.description }),
          h9("meta", { name: "keywords", content: config.keywords.join(", ") }),
          ...styles2.filter((css) => css !== "").map((css) => h9("style", css))
        ]),
        h9("body", [
          cover(edition),
          imprint(edition, assets.date ?? edition.buildDate),
          ...blank2("contents"),
          toc,
          ...chapters.flatMap((chapter) => [...blank2(chapter.titleKey), chapter.section])
        ])
      ])
    ]
  };
  return {
    tree,
    headings: collectHeadings2(tree),
    tocKeys: edition.chapters.flatMap((chapter, i) => [
      chapters[i]?.titleKey ?? "",
      ...chapter.headings.filter((heading) => heading.depth === 2).map((heading) => heading.id)
    ])
  };
}
function printChapters(edition, ctx) {
  const key = JSON.stringify([ctx.baseUrl, ctx.language, [...ctx.images.keys()]]);
  const hit = chapterCache.get(edition);
  if (hit !== void 0 && hit.key === key) return hit.chapters;
  const chapters = edition.chapters.map((chapter) => printChapter(chapter, ctx));
  chapterCache.set(edition, { key, chapters });
  return chapters;
}
function buildPrintHtml(edition, tocPages, assets, blankBefore) {
  return serialize(buildPrintDocument(edition, tocPages, assets, blankBefore).tree);
}
function serialize(tree) {
  return toHtml2(tree, { allowDangerousHtml: true });
}
function collectHeadings2(tree) {
  const out = [];
  walkElements(tree, (el) => {
    if (!/^h[1-6]$/.test(el.tagName)) return;
    const id = el.properties["id"];
    out.push({
      key: typeof id === "string" && id !== "" ? id : `#heading-${out.length + 1}`,
      text: toString6(el),
      recto: el.properties["dataRecto"] !== void 0
    });
  });
  return out;
}
var chapterCache;
var init_print_html = __esm({
  "pipeline/stages/emit-pdf/print-html.ts"() {
    "use strict";
    init_chapter_print();
    init_front();
    init_isolation();
    init_page_css();
    chapterCache = /* @__PURE__ */ new WeakMap();
  }
});

// pipeline/stages/emit-pdf/print.ts
async function printPass(page2, isolated, html, options) {
  const { timeoutMs } = options;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PrintTimeoutError(timeoutMs)), timeoutMs);
  });
  const work = (async () => {
    const started = performance.now();
    const url = isolated.serveDocument(html);
    await page2.goto(url, { waitUntil: "load", timeout: timeoutMs });
    await page2.evaluate(() => document.fonts.ready.then(() => void 0));
    const loaded = performance.now();
    const bytes = await page2.pdf({
      tagged: options.tagged,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      timeout: timeoutMs
    });
    return { bytes, loadMs: loaded - started, pdfMs: performance.now() - loaded };
  })();
  work.catch(() => void 0);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
var PrintTimeoutError;
var init_print = __esm({
  "pipeline/stages/emit-pdf/print.ts"() {
    "use strict";
    PrintTimeoutError = class extends Error {
      constructor(ms2) {
        super(`printing did not finish within ${ms2} ms`);
        this.name = "PrintTimeoutError";
      }
    };
  }
});

// pipeline/stages/emit-pdf/toc.ts
function titleMatches(bookmark, heading) {
  const a = normalize(bookmark).replace(/\s/g, "");
  const b = normalize(heading).replace(/\s/g, "");
  if (a === b) return true;
  if (b === "" || a.length % b.length !== 0) return false;
  return a === b.repeat(a.length / b.length);
}
function headingPages(headings, outline) {
  const expected = headings.filter((h10) => normalize(h10.text) !== "");
  if (expected.length !== outline.length) {
    throw new PdfEmitError(
      "pdf-toc",
      `The PDF has ${outline.length} bookmarks but the print document has ${expected.length} headings; cannot tell where headings landed.`
    );
  }
  const pages = /* @__PURE__ */ new Map();
  expected.forEach((heading, i) => {
    const item = outline[i];
    if (item === void 0 || !titleMatches(item.title, heading.text) || item.page === void 0) {
      throw new PdfEmitError(
        "pdf-toc",
        `Bookmark ${i + 1} is "${item?.title ?? ""}" (page ${item?.page ?? "?"}), expected heading "${normalize(heading.text)}".`
      );
    }
    pages.set(heading.key, item.page);
  });
  return pages;
}
function planLayout(headings, actual, current) {
  const blankBefore = new Set(current);
  const tocPages = /* @__PURE__ */ new Map();
  let shift = 0;
  for (const heading of headings) {
    const page2 = actual.get(heading.key);
    if (page2 === void 0) continue;
    if (heading.recto && (page2 + shift) % 2 === 0) {
      if (blankBefore.has(heading.key)) {
        blankBefore.delete(heading.key);
        shift -= 1;
      } else {
        blankBefore.add(heading.key);
        shift += 1;
      }
    }
    tocPages.set(heading.key, page2 + shift);
  }
  return { tocPages, blankBefore };
}
function layoutMismatches(headings, actual, layout) {
  const problems = [];
  for (const heading of headings) {
    const landed = actual.get(heading.key);
    const claimed = layout.tocPages.get(heading.key);
    if (claimed !== void 0 && landed !== claimed) {
      problems.push(`"${normalize(heading.text)}" is listed on page ${claimed} but landed on page ${landed ?? "?"}`);
    }
    if (heading.recto && landed !== void 0 && landed % 2 === 0) {
      problems.push(`"${normalize(heading.text)}" starts on left-hand page ${landed}`);
    }
  }
  return problems;
}
function fixOutlineTitles(headings, outline) {
  const expected = headings.filter((h10) => normalize(h10.text) !== "");
  let fixed = 0;
  expected.forEach((heading, i) => {
    const item = outline[i];
    if (item !== void 0 && item.title !== normalize(heading.text)) {
      setOutlineTitle(item, normalize(heading.text));
      fixed += 1;
    }
  });
  return fixed;
}
var emptyLayout, normalize;
var init_toc = __esm({
  "pipeline/stages/emit-pdf/toc.ts"() {
    "use strict";
    init_errors();
    init_outline();
    emptyLayout = { tocPages: /* @__PURE__ */ new Map(), blankBefore: /* @__PURE__ */ new Set() };
    normalize = (text3) => text3.replace(/[\u00ad\u200b]/g, "").replace(/\s+/g, " ").trim();
  }
});

// pipeline/stages/emit-pdf/passes.ts
import { PDFDocument, ParseSpeeds } from "pdf-lib";
async function printWithTrueToc(page2, isolated, edition, assets, timeoutMs, log) {
  let layout;
  let problems = [];
  for (let pass = 1; pass <= maxPasses; pass++) {
    const measuring = layout === void 0;
    const building = performance.now();
    const doc = buildPrintDocument(edition, layout?.tocPages, assets, layout?.blankBefore);
    const html = serialize(doc.tree);
    const built = performance.now() - building;
    const printed = await printPass(page2, isolated, html, { tagged: !measuring, timeoutMs });
    const parsing = performance.now();
    const pdf = await PDFDocument.load(printed.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const outline = readOutline(pdf);
    const pages = headingPages(doc.headings, outline);
    log(
      `pdf: pass ${pass} (${measuring ? "measure" : "tagged"}): ${pdf.getPageCount()} pages, build ${ms(built)}, load ${ms(printed.loadMs)}, pdf() ${ms(printed.pdfMs)}, outline ${ms(performance.now() - parsing)}`
    );
    if (!measuring && layout !== void 0) {
      problems = layoutMismatches(doc.headings, pages, layout);
      const missing2 = doc.tocKeys.filter((key) => !pages.has(key));
      if (missing2.length > 0) {
        throw new PdfEmitError("pdf-toc", `Contents entries without a heading in the PDF: ${missing2.join(", ")}.`);
      }
      if (problems.length === 0) {
        const fixed = fixOutlineTitles(doc.headings, outline);
        if (fixed > 0) log(`pdf: corrected ${fixed} bookmark title(s) Chromium had garbled`);
        return { pdf, html, tocChecked: doc.tocKeys.length };
      }
      log(`pdf: pass ${pass} moved headings (${problems[0] ?? ""}); printing again`);
    }
    layout = planLayout(doc.headings, pages, layout?.blankBefore ?? emptyLayout.blankBefore);
  }
  throw new PdfEmitError("pdf-toc", `Contents page numbers did not settle after ${maxPasses} passes: ${problems.slice(0, 3).join("; ")}.`);
}
var maxPasses, ms;
var init_passes = __esm({
  "pipeline/stages/emit-pdf/passes.ts"() {
    "use strict";
    init_errors();
    init_outline();
    init_print_html();
    init_print();
    init_toc();
    maxPasses = 3;
    ms = (value) => `${Math.round(value)} ms`;
  }
});

// pipeline/stages/emit-pdf/index.ts
var emit_pdf_exports = {};
__export(emit_pdf_exports, {
  PdfEmitError: () => PdfEmitError,
  buildPrintHtml: () => buildPrintHtml,
  emitPdf: () => emitPdf
});
import { mkdir as mkdir3, rename as rename3, rm as rm4, writeFile as writeFile3 } from "node:fs/promises";
import { join as join2 } from "node:path";
async function emitPdf(edition, options) {
  const log = options.log ?? (() => void 0);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const started = performance.now();
  const date = documentDate(process.env["SOURCE_DATE_EPOCH"], edition.buildDate);
  const browserPath = resolveBrowser(options.executablePath);
  log(`pdf: browser ${browserPath.path} (${browserPath.source})`);
  const assets = {
    fontCss: await loadFontCss(),
    printCss: options.styles.printCss,
    chartsCss: options.styles.chartsCss,
    images: imagesAsDataUrls(options.images),
    date
  };
  let result;
  for (let attempt = 1; result === void 0; attempt++) {
    try {
      result = await printOnce(edition, assets, browserPath.path, timeoutMs, log);
    } catch (error) {
      if (error instanceof PdfEmitError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= 2) {
        throw new PdfEmitError("pdf-print", `Chromium failed twice while printing the PDF edition: ${reason}`, { cause: error });
      }
      log(`pdf: Chromium failed (${reason}); retrying once with a fresh browser`);
    }
  }
  applyMetadata(result.pdf, {
    title: documentTitle(edition),
    author: edition.config.publisher,
    subject: edition.config.subtitle ?? edition.config.description,
    keywords: edition.config.keywords,
    language: edition.config.language,
    date
  });
  const saving = performance.now();
  const bytes = await result.pdf.save({ useObjectStreams: true, objectsPerTick: Infinity });
  log(`pdf: metadata and save ${Math.round(performance.now() - saving)} ms`);
  const dir = options.outDir;
  await mkdir3(dir, { recursive: true });
  const pdfPath = join2(dir, `${edition.config.slug}.pdf`);
  await writeAtomic(pdfPath, bytes);
  if (options.keepPrintHtml) await writeAtomic(join2(dir, `${edition.config.slug}.print.html`), result.html);
  const pages = result.pdf.getPageCount();
  log(`pdf: ${pdfPath}: ${pages} pages, ${bytes.length} bytes, ${result.tocChecked} contents entries checked, ${Math.round(performance.now() - started)} ms`);
  return { pdfPath, pages, bytes: bytes.length, tocChecked: result.tocChecked };
}
async function printOnce(edition, assets, executablePath, timeoutMs, log) {
  const t0 = performance.now();
  const launched = await launchBrowser(executablePath, log);
  try {
    const page2 = (await launched.browser.pages())[0] ?? await launched.browser.newPage();
    const isolated = await isolatePage(page2);
    log(`pdf: browser ready in ${Math.round(performance.now() - t0)} ms`);
    const result = await printWithTrueToc(page2, isolated, edition, assets, timeoutMs, log);
    if (isolated.blocked.length > 0) log(`pdf: blocked ${isolated.blocked.length} request(s), e.g. ${isolated.blocked[0] ?? ""}`);
    return result;
  } finally {
    await launched.close();
  }
}
function imagesAsDataUrls(images) {
  const out = /* @__PURE__ */ new Map();
  for (const [src, { contentType: contentType2, bytes }] of images ?? []) {
    out.set(src, `data:${contentType2};base64,${Buffer.from(bytes).toString("base64")}`);
  }
  return out;
}
async function writeAtomic(path9, data) {
  const temp = `${path9}.${process.pid}.tmp`;
  try {
    await writeFile3(temp, data);
    await rename3(temp, path9);
  } catch (error) {
    await rm4(temp, { force: true });
    throw error;
  }
}
var defaultTimeoutMs;
var init_emit_pdf = __esm({
  "pipeline/stages/emit-pdf/index.ts"() {
    "use strict";
    init_browser();
    init_errors();
    init_fonts2();
    init_isolation();
    init_launch();
    init_metadata();
    init_passes();
    init_front();
    init_errors();
    init_print_html();
    defaultTimeoutMs = 6e4;
  }
});

// pipeline/build.ts
init_fonts();
import { readFile as readFile7, stat } from "node:fs/promises";
import path8 from "node:path";

// pipeline/cache/store.ts
import { mkdir, readdir, readFile as readFile2, rename, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// pipeline/cache/codec.ts
import { createHash } from "node:crypto";
var SET = "\0set";
var MAP = "\0map";
var DATE = "\0date";
function encode(value) {
  return JSON.stringify(value, function(key, v) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    if (v instanceof Set) return { [SET]: [...v] };
    if (v instanceof Map) return { [MAP]: [...v] };
    return v;
  });
}
function decode(text3) {
  return JSON.parse(text3, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v;
      if (SET in o) return new Set(o[SET]);
      if (MAP in o) return new Map(o[MAP]);
      if (DATE in o) return new Date(o[DATE]);
    }
    return v;
  });
}
function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex");
}
function fingerprint(value) {
  return value === void 0 ? "undefined" : sha256(encode(value));
}

// pipeline/cache/store.ts
function newStats() {
  return { hits: {}, misses: {} };
}
function count(stats, namespace, hit) {
  const table = hit ? stats.hits : stats.misses;
  table[namespace] = (table[namespace] ?? 0) + 1;
}
var DiskStore = class _DiskStore {
  constructor(dir, token) {
    this.dir = dir;
    this.token = token;
  }
  dir;
  token;
  stats = newStats();
  pending = [];
  serial = 0;
  static async open(cacheDir, version, token) {
    const dir = path2.join(cacheDir, version.slice(0, 16));
    await mkdir(dir, { recursive: true });
    await writeFile(path2.join(cacheDir, "README"), "Cache of the monitor pipeline, keyed by content hash. Safe to delete.\n").catch(() => {
    });
    const others = (await readdir(cacheDir, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name !== path2.basename(dir));
    await Promise.all(others.map((e) => rm(path2.join(cacheDir, e.name), { recursive: true, force: true })));
    return new _DiskStore(dir, token);
  }
  file(namespace, key) {
    return path2.join(this.dir, namespace, `${key}.json`);
  }
  async get(namespace, key) {
    let value;
    try {
      value = decode(await readFile2(this.file(namespace, key), "utf8"));
    } catch {
      value = void 0;
    }
    count(this.stats, namespace, value !== void 0);
    return value;
  }
  set(namespace, key, value) {
    const target = this.file(namespace, key);
    const temp = `${target}.${this.token}-${this.serial++}.tmp`;
    const text3 = encode(value);
    this.pending.push(
      (async () => {
        await mkdir(path2.dirname(target), { recursive: true });
        await writeFile(temp, text3);
        await rename(temp, target);
      })().catch(async () => {
        await rm(temp, { force: true }).catch(() => {
        });
      })
    );
  }
  async flush() {
    await Promise.all(this.pending.splice(0));
  }
};

// pipeline/cache/version.ts
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import path3 from "node:path";
import { fileURLToPath } from "node:url";
var pipelineDir = path3.resolve(path3.dirname(fileURLToPath(import.meta.url)), "..");
var computed;
function pipelineVersion() {
  computed ??= (async () => {
    const pkg = JSON.parse(await readFile3(path3.join(pipelineDir, "..", "package.json"), "utf8"));
    const entries = await readdir2(pipelineDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name)).map((e) => path3.join(e.parentPath, e.name)).sort();
    const parts = [pkg.version ?? "0"];
    for (const file of files) parts.push(path3.relative(pipelineDir, file), await readFile3(file));
    return sha256(...parts);
  })();
  return computed;
}

// pipeline/cache/chapters.ts
import { VFile as VFile2 } from "vfile";

// pipeline/stages/markdown/chapter.ts
import { toString as hastToString } from "hast-util-to-string";
import { visit as visit5 } from "unist-util-visit";
import { VFile } from "vfile";

// pipeline/diagnostics/report.ts
init_catalogue();
function report(file, ruleId, reason, place) {
  const rule = catalogue[ruleId];
  const message = file.message(reason, { place, ruleId, source: "monitor" });
  message.fatal = rule.severity === "error" ? true : false;
  message.note = rule.hint;
  message.url = `docs/authoring.md#${ruleId}`;
}
function hasErrors(files) {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}

// pipeline/diagnostics/utf8.ts
function decodeUtf8(bytes) {
  try {
    const text3 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3 };
  } catch {
    return { text: new TextDecoder("utf-8").decode(bytes), error: firstInvalid(bytes) };
  }
}
function firstInvalid(bytes) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const size = b < 128 ? 1 : b >= 240 ? 4 : b >= 224 ? 3 : b >= 194 ? 2 : 0;
    let ok = size > 0 && i + size <= bytes.length;
    if (ok && size > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + size));
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, column };
    }
    if (b === 10) {
      line += 1;
      lineStart = i + 1;
    }
    i += size;
  }
  return { line, column: 1 };
}

// pipeline/diagnostics/yaml-source.ts
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
var YamlSource = class {
  constructor(text3, lineOffset = 0) {
    this.lineOffset = lineOffset;
    this.counter = new LineCounter();
    this.doc = parseDocument(text3, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
  }
  lineOffset;
  doc;
  counter;
  /** Plain JS value of the document. */
  value() {
    return this.doc.toJS({ maxAliasCount: 50 });
  }
  /** Syntax errors, each with its position. */
  syntaxErrors() {
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const e of this.doc.errors) {
      const message = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
      const key = String(e.pos[0]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ message, position: this.span(e.pos[0], e.pos[1]) });
    }
    return out;
  }
  /**
   * Position of the value at `path`. For a missing key, the closest existing parent.
   * With `key: true`, the position of the key itself (where editors look for a misspelt field).
   */
  positionOf(path9, options = {}) {
    let node = this.doc.contents;
    let best = this.nodePosition(node) ?? this.start();
    for (let i = 0; i < path9.length; i++) {
      const segment = path9[i];
      const last = i === path9.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return best;
        const keyPos = this.nodePosition(pair.key);
        if (last && options.key && keyPos) return keyPos;
        node = pair.value;
        best = this.nodePosition(node) ?? keyPos ?? best;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (node === void 0) return best;
        best = this.nodePosition(node) ?? best;
      } else {
        return best;
      }
    }
    return best;
  }
  nodePosition(node) {
    const range = node?.range;
    if (!range) return void 0;
    return this.span(range[0], range[1]);
  }
  start() {
    return this.span(0, 0);
  }
  span(from, to) {
    const a = this.counter.linePos(from);
    const b = this.counter.linePos(to);
    return {
      start: { line: a.line + this.lineOffset, column: a.col, offset: from },
      end: { line: b.line + this.lineOffset, column: b.col, offset: to }
    };
  }
};

// pipeline/diagnostics/zod-issues.ts
function describeIssue(issue) {
  const field = issue.path.length > 0 ? `\`${issue.path.join(".")}\`` : "The document";
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return `${field} is required but missing`;
      return `${field}: expected ${kindName(issue.expected)}, received ${kindName(issue.received)}`;
    case "invalid_enum_value":
      return `${field}: "${String(issue.received)}" is not allowed; use one of ${issue.options.map((o) => String(o)).join(", ")}`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `\`${k}\``).join(", ")}`;
    case "too_small":
      return issue.type === "string" ? `${field} must not be empty` : `${field}: ${issue.message.toLowerCase()}`;
    default:
      return `${field}: ${issue.message}`;
  }
}
function kindName(kind) {
  switch (kind) {
    case "string":
      return "text";
    case "array":
      return "a list";
    case "object":
      return "a mapping of fields";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "null":
      return "an empty value";
    default:
      return kind;
  }
}

// pipeline/stages/validate/frontmatter-schema.ts
import { z } from "zod";

// pipeline/model/edition.ts
var chapterKinds = [
  "foreword",
  "executive-summary",
  "essay",
  "guest-essay",
  "case-study",
  "methodology",
  "annex"
];

// pipeline/stages/validate/frontmatter-schema.ts
var text = z.string().trim().min(1);
var author = z.object({ name: text, role: text.optional(), organisation: text.optional() }).strict();
var contact = z.object({
  name: text,
  email: z.string().email().optional(),
  audience: z.enum(["public", "members"]).optional()
}).strict();
var frontMatterSchema = z.object({
  title: text,
  kind: z.enum(chapterKinds),
  summary: text,
  authors: z.array(author).optional(),
  audience: z.enum(["public", "members"]).optional(),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single dashes").optional(),
  lang: z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "use a BCP 47 language tag such as fr").optional(),
  city: text.optional(),
  country: z.string().regex(/^[A-Z]{2}$/, "use a two-letter ISO 3166-1 code in capitals").optional(),
  themes: z.array(text).min(1).optional(),
  period: z.union([text, z.number()]).transform(String).optional(),
  partners: z.array(text).optional(),
  award: z.object({
    year: z.number().int().min(2e3).max(2999),
    category: text,
    result: z.enum(["winner", "shortlisted"])
  }).strict().optional(),
  metrics: z.array(z.object({ label: text, value: z.union([text, z.number()]).transform(String) }).strict()).optional(),
  funding: text.optional(),
  contact: contact.optional()
}).strict();
var caseStudyRequired = ["city", "country", "themes"];

// pipeline/stages/validate/countries.ts
var codes = new Set(
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK".split(" ")
);
function isIsoCountry(code2) {
  return codes.has(code2);
}

// pipeline/stages/validate/frontmatter.ts
function validateFrontMatter(file, node) {
  if (!node) {
    report(file, "frontmatter-missing", "The chapter has no front matter", { line: 1, column: 1 });
    return void 0;
  }
  const yaml = new YamlSource(node.value, node.position?.start.line ?? 1);
  const syntax = yaml.syntaxErrors();
  for (const e of syntax) report(file, "frontmatter-yaml", e.message, e.position);
  if (syntax.length > 0) return void 0;
  const raw = yaml.value();
  const value = raw === null || raw === void 0 ? {} : raw;
  const fence = node.position;
  const parsed = frontMatterSchema.safeParse(value);
  let fatal = false;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          report(file, "frontmatter-unknown-field", `Unknown front-matter field \`${key}\``, yaml.positionOf([...issue.path, key], { key: true }));
        }
        continue;
      }
      fatal = true;
      const missing2 = issue.code === "invalid_type" && issue.received === "undefined";
      const place = missing2 && issue.path.length === 1 ? fence?.start : yaml.positionOf(issue.path);
      report(file, ruleFor(issue.path, missing2), describeIssue(issue), place);
    }
  }
  if (fatal) return void 0;
  const input = parsed.success ? parsed.data : frontMatterSchema.strip().parse(value);
  if (input.country !== void 0 && !isIsoCountry(input.country)) {
    report(file, "frontmatter-country", `\`country\`: "${input.country}" is not an ISO 3166-1 alpha-2 code`, yaml.positionOf(["country"]));
    return void 0;
  }
  if (input.kind === "case-study") {
    const missing2 = caseStudyRequired.filter((k) => input[k] === void 0);
    for (const key of missing2) {
      report(file, "frontmatter-required", `Case studies need \`${key}\``, yaml.positionOf(["kind"], { key: true }));
    }
    if (missing2.length > 0) return void 0;
  }
  return toFrontMatter(input);
}
function ruleFor(path9, missing2) {
  if (missing2) return "frontmatter-required";
  if (path9[0] === "kind") return "frontmatter-kind";
  if (path9.length === 1 && path9[0] === "audience") return "frontmatter-audience";
  if (path9[0] === "contact" && path9[1] === "audience") return "frontmatter-audience";
  if (path9[0] === "country") return "frontmatter-country";
  return "frontmatter-field";
}
function toFrontMatter(input) {
  const caseStudy = input.kind === "case-study" && input.city && input.country && input.themes ? {
    city: input.city,
    country: input.country,
    themes: input.themes,
    period: input.period,
    partners: input.partners ?? [],
    award: input.award,
    metrics: input.metrics ?? [],
    funding: input.funding,
    contact: input.contact ? { name: input.contact.name, email: input.contact.email, audience: input.contact.audience ?? "members" } : void 0
  } : void 0;
  return {
    title: input.title,
    kind: input.kind,
    summary: input.summary,
    authors: (input.authors ?? []).map((a) => ({ name: a.name, role: a.role, organisation: a.organisation })),
    audience: input.audience ?? "public",
    slug: input.slug,
    lang: input.lang,
    caseStudy
  };
}

// pipeline/stages/markdown/directives.ts
import { toString } from "mdast-util-to-string";

// pipeline/stages/markdown/links.ts
import { visit } from "unist-util-visit";
function chapterHref(fromSlug, toSlug, anchor) {
  if (fromSlug === toSlug) return anchor ? `#${anchor}` : "#top";
  return `../${toSlug}/${anchor ? `#${anchor}` : ""}`;
}
function figureHref(fromSlug, toSlug, figureId) {
  return chapterHref(fromSlug, toSlug, figureId);
}
var CHAPTER_LINK = /^(?:\.\/)?([^/#?:]+\.md)(?:#(.*))?$/;
function resolveChapterLinks(tree, file, ctx) {
  visit(tree, "link", (node, index, parent) => {
    const url = node.url.trim();
    if (url.startsWith("#")) {
      const anchor2 = decodeURIComponent(url.slice(1));
      const own = [...ctx.index.chapters.values()].find((c) => c.slug === ctx.slug);
      if (anchor2 && own && !own.anchors.has(anchor2) && !anchor2.startsWith("fn")) {
        report(file, "link-anchor", `No heading or figure with id \`${anchor2}\` in this chapter`, node.position);
      }
      return void 0;
    }
    const match = CHAPTER_LINK.exec(url);
    if (!match) return void 0;
    const name = match[1];
    const anchor = match[2] ? decodeURIComponent(match[2]) : void 0;
    const target = ctx.index.chapters.get(name);
    if (!target) {
      report(file, "link-chapter", `Link to \`${name}\`, which is not a chapter of this edition`, node.position);
      return void 0;
    }
    if (target.audience === "members" && ctx.profile === "public") {
      if (parent && index !== void 0) parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (anchor && !target.anchors.has(anchor)) {
      report(file, "link-anchor", `\`${name}\` has no heading or figure with id \`${anchor}\``, node.position);
    }
    node.url = chapterHref(ctx.slug, target.slug, anchor);
    return void 0;
  });
}

// pipeline/stages/markdown/directives.ts
var KNOWN = /* @__PURE__ */ new Set(["chart", "stat", "ref", "callout", "pullquote", "members", "respondents", "questionnaire"]);
function resolveDirectives(tree, file, ctx) {
  walk(tree);
  function walk(parent) {
    const out = [];
    for (const child of parent.children) {
      if ("children" in child) walk(child);
      if (child.type === "containerDirective" || child.type === "leafDirective" || child.type === "textDirective") {
        out.push(...resolve(child));
      } else {
        out.push(child);
      }
    }
    parent.children = out;
  }
  function resolve(node) {
    const attrs = stringAttributes(node);
    if (!KNOWN.has(node.name) || kindMismatch(node)) {
      if (node.type === "textDirective" && Object.keys(node.attributes ?? {}).length === 0 && node.children.length === 0) {
        return [{ type: "text", value: `:${node.name}` }];
      }
      report(file, "directive-unknown", `Unknown directive \`${prefix(node)}${node.name}\``, node.position);
      return [];
    }
    switch (node.name) {
      case "chart":
        return [placeholder(attrs["id"] ?? "", node)];
      case "stat": {
        const r = ctx.data.stat(attrs);
        if (!r.ok) {
          report(file, "stat-unknown", r.reason, node.position);
          return [{ type: "text", value: "\u2014" }];
        }
        return [{ type: "text", value: r.value }];
      }
      case "ref":
        return [reference(node, attrs)];
      case "callout":
        return [box(node, "aside", ["callout"], attrs["title"] ?? labelText(node))];
      case "pullquote":
        return [pullquote(node, attrs["source"])];
      case "members":
        return [node];
      // already marked (or removed) by applyAudience
      default: {
        const r = ctx.data.block(node.name, attrs);
        if (!r) return [];
        if (!r.ok) {
          report(file, "directive-attribute", r.reason, node.position);
          return [];
        }
        return [{ type: "paragraph", children: [], data: { hName: "div", hProperties: { className: ["generated", node.name] }, hChildren: [r.value] } }];
      }
    }
  }
  function reference(node, attrs) {
    const id = attrs["id"] ?? "";
    const target = ctx.index.figures.get(id);
    if (!target) {
      report(file, "ref-unknown", id ? `No figure with id \`${id}\` in this edition` : "Give :ref a figure id, e.g. :ref{#fig-housing}", node.position);
      return { type: "text", value: "\u2014" };
    }
    return {
      type: "link",
      url: figureHref(ctx.slug, target.chapterSlug, id),
      children: [{ type: "text", value: `${ctx.labels.figure}\xA0${target.number}` }]
    };
  }
}
function placeholder(id, node) {
  return {
    type: "paragraph",
    children: [],
    data: { hName: "div", hProperties: { dataMonitorFigure: id }, hChildren: [] },
    position: node.position
  };
}
function box(node, tag, className, title) {
  const children = contentChildren(node);
  if (title) {
    children.unshift({ type: "paragraph", children: [{ type: "strong", children: [{ type: "text", value: title }] }], data: { hProperties: { className: ["callout-title"] } } });
  }
  return { type: "blockquote", children, data: { hName: tag, hProperties: { className } } };
}
function pullquote(node, source) {
  const quote2 = { type: "blockquote", children: contentChildren(node) };
  const children = [quote2];
  if (source) {
    children.push({ type: "paragraph", children: [{ type: "text", value: source }], data: { hName: "figcaption" } });
  }
  return { type: "blockquote", children, data: { hName: "figure", hProperties: { className: ["pullquote"] } } };
}
function contentChildren(node) {
  const children = [...node.children];
  const first = children[0];
  if (first && first.type === "paragraph" && first.data?.directiveLabel) children.shift();
  return children;
}
function labelText(node) {
  const first = node.children[0];
  if (first && first.type === "paragraph" && first.data?.directiveLabel) {
    return toString(first);
  }
  return void 0;
}
function stringAttributes(node) {
  const out = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}
function prefix(node) {
  return node.type === "containerDirective" ? ":::" : node.type === "leafDirective" ? "::" : ":";
}
function kindMismatch(node) {
  const leaf = ["chart", "respondents", "questionnaire"];
  const text3 = ["stat", "ref"];
  const container = ["callout", "pullquote", "members"];
  if (leaf.includes(node.name)) return node.type !== "leafDirective";
  if (text3.includes(node.name)) return node.type !== "textDirective";
  if (container.includes(node.name)) return node.type !== "containerDirective";
  return false;
}

// pipeline/stages/markdown/images.ts
import path4 from "node:path/posix";
import { visit as visit2 } from "unist-util-visit";
var MEDIA_DIR = "media";
function resolveImages(tree, file, ctx) {
  visit2(tree, "image", (node) => {
    if (!node.alt || !node.alt.trim()) report(file, "image-alt", "The image has no alt text", node.position);
    const url = node.url.trim();
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
      report(file, "image-remote", `The image ${url} is loaded from elsewhere`, node.position);
      node.url = "";
      return;
    }
    const rel = path4.normalize(decodeURIComponent(url.split(/[?#]/)[0] ?? ""));
    const source = `chapters/${rel}`;
    if (rel.startsWith("..") || !ctx.media.has(source)) {
      report(file, "image-missing", `No image at ${source}`, node.position);
      node.url = "";
      return;
    }
    node.url = `../${MEDIA_DIR}/${rel}`;
  });
}

// pipeline/stages/markdown/members.ts
var AUDIENCES = ["public", "members"];
function applyAudience(tree, profile, membersLabel, file) {
  walk(tree);
  function walk(parent) {
    const kept = [];
    for (const child of parent.children) {
      const audience = audienceOf(child);
      if (audience !== void 0 && !AUDIENCES.includes(audience)) {
        if (file) report(file, "directive-attribute", `Unknown audience \`${audience}\`: use audience=public or audience=members`, child.position);
        if (profile === "public") continue;
      }
      if (isMembersOnly(child)) {
        if (profile === "public") continue;
        if (child.type === "containerDirective" && child.name === "members") {
          markSection(child, membersLabel);
        }
      }
      if ("children" in child) walk(child);
      kept.push(child);
    }
    parent.children = kept;
  }
}
function isDirective(node) {
  return node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective";
}
function audienceOf(node) {
  if (!isDirective(node)) return void 0;
  const value = node.attributes?.["audience"];
  return value === void 0 || value === null ? void 0 : value;
}
function isMembersOnly(node) {
  if (!isDirective(node)) return false;
  return node.name === "members" || audienceOf(node) === "members";
}
function markSection(node, label) {
  node.data = {
    ...node.data,
    hName: "section",
    hProperties: { className: ["members-only"], ariaLabel: label }
  };
}

// pipeline/stages/markdown/outline.ts
import GithubSlugger from "github-slugger";
import { toString as toString2 } from "mdast-util-to-string";
import { visit as visit3 } from "unist-util-visit";
function outlineChapter(tree, file, slug) {
  const slugger = new GithubSlugger();
  const headings = [];
  const anchors = /* @__PURE__ */ new Set();
  const charts = [];
  let tableCount = 0;
  let previousDepth = 1;
  visit3(tree, (node) => {
    if (node.type === "heading") {
      const h10 = node;
      const text3 = toString2(h10).trim();
      const id = slugger.slug(text3 || "section");
      h10.data = { ...h10.data, hProperties: { ...h10.data?.hProperties ?? {}, id } };
      if (h10.depth === 1) {
        report(file, "heading-title", 'A "#" heading in the body repeats the chapter title level', h10.position);
      } else if (h10.depth > previousDepth + 1) {
        report(file, "heading-skip", `Heading level jumps from ${previousDepth} to ${h10.depth}`, h10.position);
      }
      previousDepth = h10.depth;
      headings.push({ id, depth: h10.depth, text: text3 });
      anchors.add(id);
    } else if (node.type === "table") {
      tableCount += 1;
    } else if (node.type === "leafDirective" && node.name === "chart") {
      const d = node;
      const attributes = {};
      for (const [k, v] of Object.entries(d.attributes ?? {})) if (typeof v === "string") attributes[k] = v;
      const id = attributes["id"] ?? `fig-${slug}-${charts.length + 1}`;
      charts.push({ id, caption: toString2(d).trim(), attributes, position: d.position });
      anchors.add(id);
    }
  });
  return { headings, anchors, charts, tableCount };
}

// pipeline/stages/markdown/parse.ts
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
var MAX_CHAPTER_BYTES = 2e6;
var MAX_NESTING = 64;
var parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective).freeze();
function parseMarkdown(file) {
  const text3 = String(file.value);
  if (Buffer.byteLength(text3) > MAX_CHAPTER_BYTES) {
    report(file, "markdown-too-large", `The chapter is ${(Buffer.byteLength(text3) / 1e6).toFixed(1)} MB; the limit is ${MAX_CHAPTER_BYTES / 1e6} MB`, { line: 1, column: 1 });
    return void 0;
  }
  const deep = findDeepNesting(text3);
  if (deep) {
    report(file, "markdown-too-deep", `Lists or quotes are nested more than ${MAX_NESTING} levels deep`, deep);
    return void 0;
  }
  const tree = parser.parse(file);
  const first = tree.children[0];
  return { tree, frontMatter: first?.type === "yaml" ? first : void 0 };
}
function findDeepNesting(text3) {
  let line = 1;
  let start = 0;
  while (start <= text3.length) {
    let end = text3.indexOf("\n", start);
    if (end === -1) end = text3.length;
    let width2 = 0;
    let quotes = 0;
    let markers = 0;
    for (let i = start; i < end; i++) {
      const c = text3.charCodeAt(i);
      if (c === 32) width2 += 1;
      else if (c === 9) width2 += 4 - width2 % 4;
      else if (c === 62) quotes += 1;
      else if (c === 45 || c === 42 || c === 43) markers += 1;
      else break;
    }
    if (quotes > MAX_NESTING || width2 / 2 > MAX_NESTING || markers > MAX_NESTING) return { line, column: 1 };
    start = end + 1;
    line += 1;
  }
  return void 0;
}

// pipeline/stages/markdown/to-hast.ts
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import remarkRehype from "remark-rehype";
import { unified as unified2 } from "unified";

// pipeline/stages/markdown/protect-ids.ts
import { visit as visit4 } from "unist-util-visit";
var CLOBBER_PREFIX = "user-content-";
var HEADINGS = /* @__PURE__ */ new Set(["h2", "h3", "h4", "h5", "h6", "h1"]);
function protectIds(tree, headingIds) {
  visit4(tree, "element", (node) => {
    const props = node.properties;
    if (props["src"] !== void 0 && props["src"] !== null && isNetworkPath(String(props["src"]))) delete props["src"];
    for (const key of ["id", "name"]) {
      const value = props[key];
      if (value === void 0 || value === null) continue;
      const text3 = String(Array.isArray(value) ? value.join(" ") : value);
      if (key === "id" && isOwnId(node, text3, headingIds)) continue;
      props[key] = CLOBBER_PREFIX + text3;
    }
    for (const key of ["ariaDescribedBy", "ariaLabelledBy"]) {
      const value = props[key];
      if (value === void 0 || value === null) continue;
      const ids = Array.isArray(value) ? value.map(String) : String(value).split(/\s+/);
      if (node.tagName === "a" && ids.every((i) => i === "footnote-label")) continue;
      props[key] = ids.map((i) => CLOBBER_PREFIX + i);
    }
  });
}
function isOwnId(node, id, headingIds) {
  if (HEADINGS.has(node.tagName)) return headingIds.has(id) || id === "footnote-label";
  if (node.tagName === "li") return /^fn-[\w-]+$/.test(id);
  if (node.tagName === "a") return /^fnref-[\w-]+$/.test(id) && node.properties["dataFootnoteRef"] !== void 0;
  return false;
}
function isNetworkPath(url) {
  const cleaned = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  return /^[/\\]{2}/.test(cleaned);
}

// pipeline/stages/markdown/tables.ts
import { toString as toString3 } from "hast-util-to-string";
var CAPTION = /^Table:\s*/;
function numberTables(tree, chapterNumber, label) {
  const tables = [];
  walk(tree);
  return tables;
  function walk(parent) {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (!node || node.type !== "element") continue;
      if (node.tagName !== "table") {
        walk(node);
        continue;
      }
      const number = `${chapterNumber}.${tables.length + 1}`;
      const id = `table-${number.replace(".", "-")}`;
      tables.push({ id, number });
      const previous = previousElement(children, i);
      let captionText = [];
      if (previous && previous.node.tagName === "p" && CAPTION.test(toString3(previous.node))) {
        captionText = stripPrefix(previous.node.children);
        children.splice(previous.index, 1);
        i -= 1;
      }
      node.properties = { ...node.properties, id };
      markHeaderCells(node);
      node.children.unshift({
        type: "element",
        tagName: "caption",
        properties: {},
        children: [{ type: "element", tagName: "strong", properties: {}, children: [{ type: "text", value: `${label} ${number}` }] }, ...captionText.length ? [{ type: "text", value: " " }, ...captionText] : []]
      });
      children[i] = { type: "element", tagName: "div", properties: { className: ["table-scroll"] }, children: [node] };
    }
  }
}
function previousElement(children, index) {
  for (let j = index - 1; j >= 0; j--) {
    const c = children[j];
    if (!c) continue;
    if (c.type === "text" && c.value.trim() === "") continue;
    return c.type === "element" ? { node: c, index: j } : void 0;
  }
  return void 0;
}
function stripPrefix(children) {
  const copy = [...children];
  const first = copy[0];
  if (first && first.type === "text") copy[0] = { ...first, value: first.value.replace(CAPTION, "") };
  return copy;
}
function markHeaderCells(table) {
  for (const section of table.children) {
    if (section.type !== "element" || section.tagName !== "thead") continue;
    for (const row of section.children) {
      if (row.type !== "element") continue;
      for (const cell2 of row.children) {
        if (cell2.type === "element" && cell2.tagName === "th") cell2.properties = { ...cell2.properties, scope: "col" };
      }
    }
  }
}

// pipeline/stages/markdown/sanitize-schema.ts
import { defaultSchema } from "rehype-sanitize";
var base = defaultSchema;
var baseAttributes = base.attributes ?? {};
var DROPPED_GLOBAL = /* @__PURE__ */ new Set(["accessKey", "tabIndex", "action", "method", "encType", "acceptCharset", "accept", "title"]);
var STRIPPED = ["script", "style", "template", "textarea", "title", "xmp", "noembed", "noframes", "iframe"];
var DROPPED_TAGS = /* @__PURE__ */ new Set(["picture", "source"]);
var sanitizeSchema = {
  ...base,
  tagNames: [.../* @__PURE__ */ new Set([...base.tagNames ?? [], "aside", "figure", "figcaption", "section", "caption", "abbr"])].filter((t) => !DROPPED_TAGS.has(t)),
  attributes: {
    ...baseAttributes,
    "*": (baseAttributes["*"] ?? []).filter((a) => !(typeof a === "string" && DROPPED_GLOBAL.has(a))),
    div: [...baseAttributes["div"] ?? [], "dataMonitorFigure", ["className", "generated", "respondents", "questionnaire", "table-scroll"]],
    aside: [["className", "callout"]],
    figure: [["className", "pullquote"]],
    p: [["className", "callout-title"]],
    h2: [["className", "sr-only", "endnotes-title"]],
    // GitHub's own `['className', 'footnotes']` entry is left out: with two className entries the
    // sanitizer uses the first, and `members-only` was silently removed.
    section: [...withoutClassName(baseAttributes["section"]), ["className", "footnotes", "members-only"], "ariaLabel"],
    table: [...baseAttributes["table"] ?? [], ["className", "data-table"]],
    caption: [],
    source: [],
    a: [...baseAttributes["a"] ?? [], "title"],
    img: [...baseAttributes["img"] ?? [], "title"],
    abbr: ["title"]
  },
  strip: STRIPPED,
  // An empty list would allow every protocol; a scheme that cannot occur allows relative URLs only.
  protocols: { ...base.protocols, src: ["\0"] },
  clobber: [],
  clobberPrefix: ""
};
function withoutClassName(list) {
  return (list ?? []).filter((a) => (typeof a === "string" ? a : a[0]) !== "className");
}

// pipeline/stages/markdown/to-hast.ts
var processors = /* @__PURE__ */ new Map();
async function toSafeHast(tree, labels, headingIds, chapterNumber) {
  const processor = processorFor(labels);
  const hast = await processor.run(tree);
  protectIds(hast, headingIds);
  const tables = numberTables(hast, chapterNumber, labels.table);
  return { hast: await sanitizer.run(hast), tables };
}
var sanitizer = unified2().use(rehypeSanitize, sanitizeSchema).freeze();
function processorFor(labels) {
  const key = JSON.stringify(labels);
  let processor = processors.get(key);
  if (!processor) {
    processor = unified2().use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: "",
      footnoteLabel: labels.notes,
      footnoteLabelTagName: "h2",
      footnoteLabelProperties: { className: ["endnotes-title"] },
      footnoteBackLabel: (ref) => `${labels.backToText} ${ref + 1}`
    }).use(rehypeRaw).freeze();
    processors.set(key, processor);
  }
  return processor;
}

// pipeline/stages/markdown/typography.ts
import { visitParents } from "unist-util-visit-parents";
var NBSP = "\xA0";
var quotesByLanguage = {
  en: { open: "\u201C", close: "\u201D", openInner: "\u2018", closeInner: "\u2019" },
  de: { open: "\u201E", close: "\u201C", openInner: "\u201A", closeInner: "\u2018" },
  pl: { open: "\u201E", close: "\u201D", openInner: "\xAB", closeInner: "\xBB" },
  cs: { open: "\u201E", close: "\u201C", openInner: "\u201A", closeInner: "\u2018" },
  fr: { open: `\xAB${NBSP}`, close: `${NBSP}\xBB`, openInner: "\u201C", closeInner: "\u201D" },
  es: { open: "\xAB", close: "\xBB", openInner: "\u201C", closeInner: "\u201D" },
  it: { open: "\xAB", close: "\xBB", openInner: "\u201C", closeInner: "\u201D" },
  pt: { open: "\xAB", close: "\xBB", openInner: "\u201C", closeInner: "\u201D" },
  nl: { open: "\u201C", close: "\u201D", openInner: "\u2018", closeInner: "\u2019" },
  sv: { open: "\u201D", close: "\u201D", openInner: "\u2019", closeInner: "\u2019" },
  fi: { open: "\u201D", close: "\u201D", openInner: "\u2019", closeInner: "\u2019" }
};
function quotesFor(language) {
  const primary2 = language.toLowerCase().split("-")[0] ?? "en";
  return quotesByLanguage[primary2] ?? quotesByLanguage["en"];
}
var OPENING_CONTEXT = /[\s([{\u2014\u2013/-]/;
function smartenText(value, language, before = " ") {
  const q = quotesFor(language);
  let out = "";
  let prev = before;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const next = value[i + 1] ?? " ";
    if (c === '"') {
      out += OPENING_CONTEXT.test(prev) ? q.open : q.close;
    } else if (c === "'") {
      if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}]/u.test(next)) out += "\u2019";
      else if (/\d/.test(next) && OPENING_CONTEXT.test(prev) && /\d/.test(value[i + 2] ?? "")) out += "\u2019";
      else out += OPENING_CONTEXT.test(prev) ? q.openInner : q.closeInner;
    } else if (c === "-" && next === "-" && value[i + 2] === "-") {
      out += "\u2014";
      i += 2;
    } else if (c === "-" && next === "-") {
      out += "\u2013";
      i += 1;
    } else if (c === "-" && prev === " " && next === " ") {
      out += "\u2013";
    } else if (c === "." && next === "." && value[i + 2] === ".") {
      out += "\u2026";
      i += 2;
    } else {
      out += c;
    }
    prev = out[out.length - 1] ?? prev;
  }
  return out;
}
var SKIP = /* @__PURE__ */ new Set(["inlineCode", "code", "html", "yaml"]);
function smartenTree(tree, language) {
  let last = " ";
  let lastBlock;
  visitParents(tree, "text", (node, ancestors) => {
    if (ancestors.some((a) => SKIP.has(a.type))) return;
    const block = ancestors.find((a) => a.type === "paragraph" || a.type === "heading" || a.type === "tableCell");
    if (block !== lastBlock) {
      last = " ";
      lastBlock = block;
    }
    node.value = smartenText(node.value, language, last);
    last = node.value[node.value.length - 1] ?? last;
  });
}

// pipeline/stages/markdown/chapter.ts
function prepareChapter(source, profile, membersLabel) {
  const decoded = decodeUtf8(source.bytes);
  const file = new VFile({ path: source.path, value: decoded.text });
  if (decoded.error) {
    report(file, "markdown-encoding", "The file is not valid UTF-8", decoded.error);
    return { file, chapter: void 0 };
  }
  const parsed = parseMarkdown(file);
  if (!parsed) return { file, chapter: void 0 };
  const frontMatter = validateFrontMatter(file, parsed.frontMatter);
  if (!frontMatter) return { file, chapter: void 0 };
  const slug = frontMatter.slug ?? fileSlug(source.path);
  applyAudience(parsed.tree, profile, membersLabel, file);
  const outline = outlineChapter(parsed.tree, file, slug);
  return { file, chapter: { sourcePath: source.path, file, frontMatter, slug, tree: parsed.tree, outline } };
}
async function renderChapterContent(chapter, ctx) {
  const { tree, file } = chapter;
  resolveChapterLinks(tree, file, ctx);
  resolveImages(tree, file, ctx);
  resolveDirectives(tree, file, ctx);
  smartenTree(tree, chapter.frontMatter.lang ?? ctx.language);
  const headingIds = new Set(chapter.outline.headings.map((h10) => h10.id));
  const { hast, tables } = await toSafeHast(tree, ctx.labels, headingIds, ctx.number);
  return { content: hast, headings: collectHeadings(hast), tables, wordCount: countWords(hast) };
}
function fileSlug(path9) {
  const base2 = path9.split("/").pop() ?? path9;
  return base2.replace(/\.md$/, "");
}
function collectHeadings(tree) {
  const headings = [];
  visit5(tree, "element", (node) => {
    const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
    const id = node.properties["id"];
    if (!depth || typeof id !== "string" || id === "footnote-label" || id.startsWith("user-content-")) return;
    headings.push({ id, depth: Number(depth), text: hastToString(node).trim() });
  });
  return headings;
}
function countWords(tree) {
  const text3 = hastToString(tree);
  return (text3.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

// pipeline/cache/dependencies.ts
var wholeMapPrints = /* @__PURE__ */ new WeakMap();
function unrecordedContext(ctx) {
  const { index: _index, data: _data, media: _media, ...rest } = ctx;
  return rest;
}
function wholeMap(map) {
  let print = wholeMapPrints.get(map);
  if (print === void 0) {
    print = fingerprint(map);
    wholeMapPrints.set(map, print);
  }
  return print;
}
function recordingContext(ctx, deps) {
  const index = {
    chapters: recordingMap(ctx.index.chapters, "chapter", "all-chapters", deps),
    figures: recordingMap(ctx.index.figures, "figure", "all-figures", deps)
  };
  const data = {
    stat(attributes) {
      const result = ctx.data.stat(attributes);
      deps.push({ on: "stat", attributes: { ...attributes }, print: fingerprint(result) });
      return result;
    },
    block(name, attributes) {
      const result = ctx.data.block(name, attributes);
      deps.push({ on: "block", name, attributes: { ...attributes }, print: fingerprint(result) });
      return result;
    }
  };
  const media = ctx.media;
  const recordedMedia = {
    get size() {
      deps.push({ on: "all-media", print: wholeMap(media) });
      return media.size;
    },
    has(key) {
      deps.push({ on: "media", key, print: String(media.has(key)) });
      return media.has(key);
    },
    forEach(callback, thisArg) {
      deps.push({ on: "all-media", print: wholeMap(media) });
      media.forEach((v) => callback.call(thisArg, v, v, this));
    },
    entries() {
      deps.push({ on: "all-media", print: wholeMap(media) });
      return media.entries();
    },
    keys() {
      deps.push({ on: "all-media", print: wholeMap(media) });
      return media.keys();
    },
    values() {
      deps.push({ on: "all-media", print: wholeMap(media) });
      return media.values();
    },
    [Symbol.iterator]() {
      deps.push({ on: "all-media", print: wholeMap(media) });
      return media[Symbol.iterator]();
    }
  };
  return { ...ctx, index, data, media: recordedMedia };
}
function stillValid(deps, ctx) {
  return deps.every((d) => {
    switch (d.on) {
      case "chapter":
        return fingerprint(ctx.index.chapters.get(d.key)) === d.print;
      case "figure":
        return fingerprint(ctx.index.figures.get(d.key)) === d.print;
      case "all-chapters":
        return wholeMap(ctx.index.chapters) === d.print;
      case "all-figures":
        return wholeMap(ctx.index.figures) === d.print;
      case "media":
        return String(ctx.media.has(d.key)) === d.print;
      case "all-media":
        return wholeMap(ctx.media) === d.print;
      case "stat":
        return fingerprint(ctx.data.stat(d.attributes)) === d.print;
      case "block":
        return fingerprint(ctx.data.block(d.name, d.attributes)) === d.print;
    }
  });
}
function recordingMap(map, one, all, deps) {
  const readAll2 = () => deps.push({ on: all, print: wholeMap(map) });
  const readOne = (key) => deps.push({ on: one, key, print: fingerprint(map.get(key)) });
  return {
    get size() {
      readAll2();
      return map.size;
    },
    get(key) {
      readOne(key);
      return map.get(key);
    },
    has(key) {
      readOne(key);
      return map.has(key);
    },
    forEach(callback, thisArg) {
      readAll2();
      map.forEach((v, k) => callback.call(thisArg, v, k, this));
    },
    entries() {
      readAll2();
      return map.entries();
    },
    keys() {
      readAll2();
      return map.keys();
    },
    values() {
      readAll2();
      return map.values();
    },
    [Symbol.iterator]() {
      readAll2();
      return map[Symbol.iterator]();
    }
  };
}

// pipeline/cache/chapters.ts
var uncached = {
  prepare: async (source, profile, label) => prepareChapter(source, profile, label),
  render: renderChapterContent
};
function chapterStages(store) {
  if (!store) return uncached;
  const sourceKeys = /* @__PURE__ */ new WeakMap();
  return {
    async prepare(source, profile, membersLabel) {
      const key = sha256("prepare", source.bytes, profile, membersLabel);
      const hit = await store.get("prepare", key);
      if (hit) {
        const file = new VFile2({ path: source.path, value: new TextDecoder().decode(source.bytes) });
        restoreMessages(file, hit.messages);
        if (!hit.chapter) return { file, chapter: void 0 };
        let tree;
        const chapter2 = {
          ...hit.chapter,
          file,
          // Parsed only when the rendering is not cached either; rendering mutates the tree.
          get tree() {
            tree ??= prepareChapter(source, profile, membersLabel).chapter?.tree ?? { type: "root", children: [] };
            return tree;
          }
        };
        sourceKeys.set(chapter2, key);
        return { file, chapter: chapter2 };
      }
      const fresh = prepareChapter(source, profile, membersLabel);
      const { chapter } = fresh;
      store.set("prepare", key, {
        messages: storeMessages(fresh.file.messages),
        chapter: chapter && { sourcePath: chapter.sourcePath, frontMatter: chapter.frontMatter, slug: chapter.slug, outline: chapter.outline }
      });
      if (chapter) sourceKeys.set(chapter, key);
      return fresh;
    },
    async render(chapter, ctx) {
      const sourceKey = sourceKeys.get(chapter);
      if (sourceKey === void 0) return renderChapterContent(chapter, ctx);
      const key = sha256("render", sourceKey, chapter.slug, encode(unrecordedContext(ctx)));
      const hit = await store.get("render", key);
      if (hit && stillValid(hit.deps, ctx)) {
        restoreMessages(chapter.file, hit.messages);
        return hit.rendered;
      }
      const deps = [];
      const before = chapter.file.messages.length;
      const rendered = await renderChapterContent(chapter, recordingContext(ctx, deps));
      store.set("render", key, {
        deps: unique(deps),
        messages: storeMessages(chapter.file.messages.slice(before)),
        rendered
      });
      return rendered;
    }
  };
}
function storeMessages(messages) {
  return messages.map((m) => ({ reason: m.reason, ruleId: m.ruleId, source: m.source, place: m.place, fatal: m.fatal, note: m.note, url: m.url }));
}
function restoreMessages(file, messages) {
  for (const s of messages) {
    const m = file.message(s.reason, { place: s.place ?? void 0, ruleId: s.ruleId, source: s.source });
    m.fatal = s.fatal;
    m.note = s.note;
    m.url = s.url;
  }
}
function unique(deps) {
  const seen = /* @__PURE__ */ new Map();
  for (const d of deps) seen.set(encode(d), d);
  return [...seen.values()];
}

// pipeline/model/survey.ts
var regions = [
  "Nordic",
  "Western Europe",
  "Southern Europe",
  "Central and Eastern Europe",
  "South-Eastern Europe"
];
var memberTypes = ["full", "associate", "partner"];
var questionTypes = ["single", "multi", "scale_0_10", "likert", "numeric", "ranking", "open"];
var breakdownDimensions = ["region", "country", "member_type"];

// pipeline/stages/charts/choose.ts
var no = (rule, reason) => ({ ok: false, rule, reason });
var breakable = /* @__PURE__ */ new Set(["single", "likert", "scale_0_10"]);
var comparable = /* @__PURE__ */ new Set(["single", "likert", "scale_0_10", "multi", "ranking"]);
function choose(request, bundle) {
  const sources = [request.question, request.type, request.spec].filter((s) => s !== void 0 && s !== "");
  if (sources.length === 0) return no("chart-source", "The chart names no data: give it question=\u2026, type=map, type=tiles or spec=\u2026");
  if (sources.length > 1) return no("chart-source", "Give the chart only one of question=\u2026, type=\u2026 and spec=\u2026");
  if (request.spec) {
    if (request.by || request.compare || request.survey) return no("chart-option", "A custom spec takes no by, compare or survey attributes; name the data inside the spec");
    return { ok: true, choice: { source: "spec", name: request.spec } };
  }
  const surveyId = request.survey ?? bundle.defaultSurvey;
  if (surveyId === void 0) return no("survey-missing", "No survey given: add survey=\u2026 to the chart or survey.default to edition.yaml");
  const survey = bundle.surveys.get(surveyId);
  if (!survey) return no("survey-missing", `Survey "${surveyId}" is not in data/ (surveys: ${[...bundle.surveys.keys()].join(", ") || "none"})`);
  if (request.type) {
    if (request.type !== "map" && request.type !== "tiles") return no("chart-option", `type="${request.type}" is not a chart type; use type=map or type=tiles`);
    if (request.by || request.compare) return no("chart-option", `type=${request.type} takes no by or compare attribute`);
    return { ok: true, choice: { source: request.type, survey } };
  }
  const question = survey.questionsById.get(request.question);
  if (!question) return no("chart-question", `Question "${request.question}" is not in the codebook of ${survey.id}`);
  if (question.type === "open" || !question.published) return no("chart-question", `${question.id} is an open question; its answers are never published`);
  let by;
  if (request.by !== void 0) {
    if (!breakdownDimensions.includes(request.by)) return no("chart-option", `by="${request.by}" is not allowed; use by=region, by=country or by=member_type`);
    if (!breakable.has(question.type)) return no("chart-option", `by= works with single, likert and 0\u201310 questions; ${question.id} is ${question.type}`);
    by = request.by;
  }
  let compare2 = false;
  if (request.compare !== void 0) {
    if (request.compare !== "previous") return no("chart-option", `compare="${request.compare}" is not allowed; use compare=previous`);
    if (by) return no("chart-option", "Use either by= or compare=previous, not both");
    if (!comparable.has(question.type)) return no("chart-option", `compare=previous works with closed questions; ${question.id} is ${question.type}`);
    if (!survey.previous?.questions.has(question.id)) return no("chart-option", `The previous edition has no figures for ${question.id}; add them to ${survey.files.previous ?? `data/${survey.id}.previous.yaml`}`);
    compare2 = true;
  }
  return { ok: true, choice: { source: "question", survey, question, by, compare: compare2 } };
}

// pipeline/stages/charts/csv.ts
var formulaStart = /^[=+\-@\t\r]/;
var needsQuotes = /[",\r\n]/;
function defuse(text3) {
  return formulaStart.test(text3) ? `'${text3}` : text3;
}
function quote(field) {
  return needsQuotes.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}
function cell(value) {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : "";
  return quote(defuse(value));
}
function toCsv(table) {
  const lines = [table.columns.map((c) => quote(defuse(c.label))).join(",")];
  for (const row of table.rows) lines.push(row.map(cell).join(","));
  return lines.join("\r\n") + "\r\n";
}

// pipeline/stages/charts/datasets.ts
function resolveDataset(id, bundle) {
  const m = /^([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)$/.exec(id);
  if (!m) return `"${id}" is not a dataset id; write "<survey>:<question>" or "<survey>:respondents", e.g. "pulse-2026:Q14"`;
  const survey = bundle.surveys.get(m[1]);
  if (!survey) return `dataset "${id}" names survey "${m[1]}", which is not in data/`;
  const key = m[2];
  if (key === "respondents") return respondents(id, survey, bundle);
  const question = survey.questionsById.get(key);
  if (!question) return `dataset "${id}" names question "${key}", which is not in the codebook of ${survey.id}`;
  if (question.type === "open" || !question.published) return `dataset "${id}": answers to open question ${key} are never published`;
  return answers(id, survey, question, bundle);
}
function respondents(id, survey, bundle) {
  const raws = [];
  survey.data.cityCodes.forEach((code2, row) => {
    const city = bundle.citiesByCode.get(code2);
    raws.push({ city, named: survey.data.consent[row] === 1, fields: { member_type: city?.memberType ?? "" }, sortKey: city?.country ?? "" });
  });
  const columns = [...placeColumns, { key: "member_type", label: "Member type" }];
  return { id, survey, question: void 0, columns, rows: finish(raws), n: raws.length };
}
var placeColumns = [
  { key: "city", label: "City" },
  { key: "country", label: "Country" },
  { key: "region", label: "Region" }
];
function answers(id, survey, question, bundle) {
  const missing2 = new Set(question.missing.map((m) => m.code));
  const labelOf = new Map(question.options.map((o) => [o.code, o.label]));
  const raws = [];
  const cities = /* @__PURE__ */ new Set();
  const data = survey.data;
  const col = (name) => name === void 0 ? void 0 : data.columns.get(name);
  for (let row = 0; row < data.rows; row++) {
    const city = bundle.citiesByCode.get(data.cityCodes[row] ?? "");
    const named = data.consent[row] === 1;
    const push = (fields, sortKey) => {
      raws.push({ city, named, fields, sortKey });
      cities.add(row);
    };
    if (question.type === "multi") {
      question.columns.forEach((name, i) => {
        const option2 = question.options[i];
        if (option2 && col(name)?.[row] === 1) push({ value: option2.label }, option2.code);
      });
    } else if (question.type === "ranking") {
      question.columns.forEach((name, i) => {
        const v = col(name)?.[row];
        const label = v === void 0 ? void 0 : labelOf.get(v);
        if (label !== void 0) push({ rank: i + 1, value: label }, v);
      });
    } else {
      const v = col(question.columns[0])?.[row];
      if (v === void 0 || Number.isNaN(v) || missing2.has(v)) continue;
      if (question.type === "numeric" || question.type === "scale_0_10") push({ value: v }, v);
      else {
        const label = labelOf.get(v);
        if (label !== void 0) push({ value: label }, v);
      }
    }
  }
  const columns = [
    ...placeColumns,
    ...question.type === "ranking" ? [{ key: "rank", label: "Rank", numeric: true }] : [],
    { key: "value", label: question.unit ? `Value (${question.unit})` : "Answer", numeric: question.type === "numeric" || question.type === "scale_0_10" }
  ];
  return { id, survey, question, columns, rows: finish(raws), n: cities.size };
}
function finish(raws) {
  const sorted = [...raws].sort(
    (a, b) => compare(a.sortKey, b.sortKey) || compare(a.city?.country ?? "", b.city?.country ?? "") || compare(a.city?.region ?? "", b.city?.region ?? "") || // Named cities by name; anonymous ones keep their (value, place) order only.
    Number(b.named) - Number(a.named) || (a.named && b.named ? compare(a.city?.name ?? "", b.city?.name ?? "") : 0)
  );
  const anonymous = /* @__PURE__ */ new Map();
  return sorted.map((r) => {
    let name;
    if (r.named && r.city) name = r.city.name;
    else {
      let k = r.city ? anonymous.get(r.city) : void 0;
      if (k === void 0) {
        k = anonymous.size + 1;
        if (r.city) anonymous.set(r.city, k);
      }
      name = `Anonymous city ${k}`;
    }
    return { city: name, country: r.city?.country ?? "", region: r.city?.region ?? "", ...r.fields };
  });
}
function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

// pipeline/stages/charts/format.ts
var cache2 = /* @__PURE__ */ new Map();
function formatter(language, style, digits) {
  const key = `${language}|${style}|${digits}`;
  let f = cache2.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache2.set(key, f);
  }
  return f;
}
function percent(pct2, language, digits = 0) {
  return formatter(language, "percent", digits).format(pct2 / 100);
}
function decimal(value, language, digits) {
  return formatter(language, "decimal", digits).format(value);
}
function round1(value) {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}
function roundTo(value, digits) {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
function nEquals(n, language) {
  return `n = ${decimal(n, language, 0)}`;
}

// pipeline/stages/charts/source-note.ts
function surveyName(survey) {
  return survey.synthetic ? `${survey.shortTitle} (synthetic data)` : survey.shortTitle;
}
function baseText(base2, n, language) {
  const who = base2 === "valid" ? "cities that gave an answer" : "all responding cities";
  return `Base: ${who} (${nEquals(n, language)}).`;
}
function sourceNote(parts) {
  const head = parts.question ? `${surveyName(parts.survey)}, ${parts.question.id}: ${ensureStop(parts.question.wording)}` : `${surveyName(parts.survey)}.`;
  return [head, baseText(parts.base, parts.n, parts.language), ...parts.extra ?? []].join(" ");
}
function ensureStop(text3) {
  const t = text3.trim();
  return /[.?!…)"”]$/.test(t) ? t : `${t}.`;
}

// pipeline/stages/charts/colour.ts
function parseHex(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}
function toLinear(c) {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
function luminance(hex) {
  const [r, g, b] = parseHex(hex).map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
function labelOn(fill, light, dark) {
  return contrast(fill, light) >= contrast(fill, dark) ? light : dark;
}

// pipeline/stages/charts/text-metrics.ts
var narrow = /* @__PURE__ */ new Set([...`il.,:;'|!() `]);
var semiNarrow = /* @__PURE__ */ new Set([...'fjrtI-/[]"']);
var wideLower = /* @__PURE__ */ new Set([..."mw"]);
var wideUpper = /* @__PURE__ */ new Set([..."MW%"]);
function charWidth(c) {
  if (c === " ") return 0.22;
  if (narrow.has(c)) return 0.26;
  if (semiNarrow.has(c)) return 0.34;
  if (wideLower.has(c)) return 0.78;
  if (wideUpper.has(c)) return 0.86;
  if (c >= "0" && c <= "9") return 0.52;
  if (c >= "a" && c <= "z") return 0.52;
  if (c >= "A" && c <= "Z") return 0.62;
  return 0.6;
}
function textWidth(text3, fontSize, bold = false) {
  let em = 0;
  for (const c of text3) em += charWidth(c);
  return Math.ceil(em * fontSize * (bold ? 1.06 : 1));
}
function vegaTextWidth(item, text3) {
  const value = text3 ?? item.text;
  const s = Array.isArray(value) ? value.map(String).reduce((a, b) => a.length >= b.length ? a : b, "") : value == null ? "" : String(value);
  const size = item.fontSize ?? 11;
  const w = item.fontWeight;
  return textWidth(s, size, w === "bold" || typeof w === "number" && w >= 600 || w === "600" || w === "700");
}

// pipeline/stages/charts/theme.ts
var font = '"Source Sans 3", "Source Sans Pro", sans-serif';
var width = 640;
var fitWidth = { width, autosize: { type: "fit-x", contains: "padding" } };
function estimateText(text3, fontSize = sizes.label) {
  return textWidth(text3, fontSize);
}
function legendColumns(labels, budget = width - 20) {
  const entry = (l) => estimateText(l) + 40;
  const total = labels.reduce((s, l) => s + entry(l), 0);
  if (total <= budget) return labels.length;
  const widest = Math.max(...labels.map(entry));
  return Math.max(1, Math.min(labels.length, Math.floor(budget / widest)));
}
var rowLabelLimit = 240;
function rowAxis(labels) {
  const long = labels.some((l) => estimateText(l) > rowLabelLimit);
  return {
    domain: false,
    ticks: false,
    labelPadding: 8,
    labelLimit: rowLabelLimit,
    ...long ? { labelExpr: "indexof(datum.label, ' (n = ') > 0 ? [slice(datum.label, 0, indexof(datum.label, ' (n = ')), slice(datum.label, indexof(datum.label, ' (n = ') + 1)] : datum.label" } : {}
  };
}
function rowLabelWidth(labels) {
  const lines = labels.flatMap((l) => estimateText(l) > rowLabelLimit ? l.split(" (n = ").map((p, i) => i ? `(n = ${p}` : p) : [l]);
  return Math.min(rowLabelLimit, Math.max(0, ...lines.map((l) => estimateText(l)))) + 8;
}
var ink = "#1a1a1a";
var inkMuted = "#595959";
var gridColour = "#d9d9d9";
var paper = "#ffffff";
var primary = "#1d3f6e";
var secondary = "#dd7440";
var categorical = ["#1d3f6e", "#dd7440", "#4f8fcb", "#8c2d04", "#0f7a5c"];
var diverging5 = ["#8c2d04", "#dd7440", "#6b6b6b", "#4f8fcb", "#1d3f6e"];
var missingColour = "#949494";
var land = "#eeeeee";
var border = "#b3b3b3";
var dataColours = [
  primary,
  secondary,
  ...categorical,
  ...diverging5,
  missingColour
];
function textOn(fill) {
  return labelOn(fill, paper, ink);
}
var sizes = {
  label: 13,
  title: 13,
  value: 12,
  tileNumber: 40,
  tileLabel: 14,
  barBand: 22
};
function themeConfig() {
  return {
    // One accessible object per chart: the <svg> root gets role="img" and the alt text; marks
    // and guides are kept out of the tree (see platform.md on tagged PDFs).
    aria: false,
    font,
    background: paper,
    padding: 4,
    view: { stroke: null, discreteHeight: { step: sizes.barBand } },
    axis: {
      labelFont: font,
      titleFont: font,
      labelFontSize: sizes.label,
      titleFontSize: sizes.title,
      labelColor: ink,
      titleColor: ink,
      titleFontWeight: 600,
      domainColor: inkMuted,
      tickColor: inkMuted,
      gridColor: gridColour,
      labelLimit: 320
    },
    legend: {
      labelFont: font,
      titleFont: font,
      labelFontSize: sizes.label,
      titleFontSize: sizes.title,
      labelColor: ink,
      titleColor: ink,
      orient: "top",
      symbolType: "square",
      labelLimit: 400
    },
    header: { labelFont: font, titleFont: font, labelFontSize: sizes.label, titleFontSize: sizes.title },
    title: { font, fontSize: sizes.title + 2, color: ink },
    text: { font, fontSize: sizes.value, fill: ink },
    bar: { fill: primary },
    point: { fill: primary, filled: true },
    circle: { fill: primary },
    range: { category: [...categorical] }
  };
}

// pipeline/stages/charts/types.ts
var planVersion = 1;
function fail(rule, reason) {
  return { ok: false, rule, reason };
}

// pipeline/stages/charts/custom-spec.ts
var maxBytes = 256 * 1024;
var maxDepth = 64;
var namePattern = /^[a-z0-9][a-z0-9_-]*$/i;
var generators = /* @__PURE__ */ new Set(["sequence", "sphere", "graticule"]);
function specPath(name) {
  return `data/charts/${name}.vl.json`;
}
function planCustom(request, ctx) {
  const name = request.spec ?? "";
  if (!namePattern.test(name)) return fail("chart-spec", `spec="${name}" must be a file name in data/charts/ without ".vl.json", e.g. spec=climate-budget-share`);
  const path9 = specPath(name);
  const file = ctx.customSpecs.find((f) => f.path === path9);
  if (!file) return fail("chart-spec", `${path9} does not exist; add it or correct spec="${name}"`);
  if (file.bytes.byteLength > maxBytes) return fail("chart-spec", `${path9} is larger than ${maxBytes / 1024} KB`);
  let tree;
  try {
    tree = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file.bytes));
  } catch (e) {
    return fail("chart-spec", `${path9} is not valid UTF-8 JSON: ${e.message}`);
  }
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) return fail("chart-spec", `${path9} must contain a JSON object (a Vega-Lite spec)`);
  const scan = scanSpec(tree);
  if (typeof scan === "string") return fail("chart-spec", `${path9}: ${scan}`);
  if (scan.size === 0) return fail("chart-spec", `${path9} names no data; use "data": {"name": "<survey>:<question>"}, e.g. "pulse-2026:Q14"`);
  const datasets = {};
  const resolved = [];
  const rename4 = /* @__PURE__ */ new Map();
  for (const id of scan) {
    const d = resolveDataset(id, ctx.bundle);
    if (typeof d === "string") return fail("chart-spec", `${path9}: ${d}`);
    const local = `dataset_${resolved.length}`;
    rename4.set(id, local);
    resolved.push(d);
    datasets[local] = d.rows;
  }
  const body = renameData(tree, rename4);
  delete body["$schema"];
  const authorConfig = body["config"] ?? {};
  const spec = {
    ...body,
    datasets,
    config: { ...themeConfig(), ...authorConfig, aria: false }
  };
  const first = resolved[0];
  const table = {
    columns: first.columns,
    rows: first.rows.map((r) => first.columns.map((c) => r[c.key] ?? null)),
    notes: ["The table lists the per-city values the chart is drawn from."]
  };
  const note = resolved.map((d) => sourceNote({ survey: d.survey, question: d.question, n: d.n, base: d.question ? "valid" : "respondents", language: ctx.language })).join(" ");
  return {
    ok: true,
    plan: {
      version: planVersion,
      kind: "custom",
      domId: request.domId,
      alt: request.alt,
      summary: `Custom chart drawn from ${resolved.map((d) => d.id).join(", ")}.`,
      spec,
      basemap: null,
      table,
      csv: toCsv(table),
      sourceNote: note,
      notes: []
    }
  };
}
function scanSpec(tree) {
  const names = /* @__PURE__ */ new Set();
  const walk = (node, pointer, depth) => {
    if (depth > maxDepth) return `nesting deeper than ${maxDepth} levels at ${pointer}`;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const r = walk(node[i], `${pointer}/${i}`, depth + 1);
        if (r) return r;
      }
      return void 0;
    }
    if (node === null || typeof node !== "object") return void 0;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key}`;
      if (key === "url") return urlRefusal(at);
      if (key === "datasets") return `"datasets" at ${at} is not allowed: the pipeline supplies the data; name it by dataset id`;
      if (key === "href") return `"href" at ${at} is not allowed: charts may not contain links`;
      if ((key === "mark" || key === "type") && (value === "image" || isObject(value) && value["type"] === "image")) {
        return `image marks (${at}) are not allowed: charts never load images`;
      }
      if (key === "data" && isObject(value)) {
        if ("url" in value) return urlRefusal(`${at}/url`);
        if ("values" in value) return `inline "values" at ${at}/values are not allowed: survey numbers come from the data, name them by dataset id`;
        const generated = Object.keys(value).some((k) => generators.has(k));
        if (!generated) {
          if (typeof value["name"] !== "string") return `"data" at ${at} must be {"name": "<survey>:<question>"}`;
          names.add(value["name"]);
        }
      }
      const r = walk(value, at, depth + 1);
      if (r) return r;
    }
    return void 0;
  };
  return walk(tree, "", 0) ?? names;
}
function urlRefusal(at) {
  return `"url" at ${at} is not allowed: charts never load files or web addresses; name the data by dataset id, e.g. "data": {"name": "pulse-2026:Q14"}`;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function renameData(node, rename4) {
  if (Array.isArray(node)) return node.map((n) => renameData(n, rename4));
  if (!isObject(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "data" && isObject(value) && typeof value["name"] === "string") {
      out[key] = { ...value, name: rename4.get(value["name"]) ?? value["name"] };
    } else out[key] = renameData(value, rename4);
  }
  return out;
}

// pipeline/stages/survey/selection.ts
function selectionSize(selection, rows) {
  return selection === void 0 ? rows : selection.length;
}
function eachRow(selection, rows, fn) {
  if (selection === void 0) for (let r = 0; r < rows; r++) fn(r);
  else for (const r of selection) fn(r);
}
function suppressionReason(n, minBase) {
  return n < minBase ? `Base below ${minBase} (n = ${n}): percentages are not shown` : void 0;
}
function percent2(count2, base2, suppressed) {
  if (suppressed || base2 === 0) return null;
  return count2 / base2 * 100;
}

// pipeline/stages/survey/aggregate-categorical.ts
function tally(question, data, selection) {
  const column = data.columns.get(question.columns[0] ?? "");
  const scale = question.type === "scale_0_10";
  const categories = scale ? question.bands.map((b) => ({ code: b.key, label: b.label, count: 0 })) : question.options.map((o) => ({ code: String(o.code), label: o.label, count: 0 }));
  const index = /* @__PURE__ */ new Map();
  if (scale) question.bands.forEach((b, i) => {
    for (let v = b.min; v <= b.max; v++) index.set(v, i);
  });
  else question.options.forEach((o, i) => index.set(o.code, i));
  const missing2 = question.missing.map((m) => ({ code: String(m.code), label: m.label, kind: m.kind, count: 0 }));
  const missingIndex = new Map(question.missing.map((m, i) => [m.code, i]));
  const t = { categories, missing: missing2, blank: 0, valid: 0, sum: 0 };
  eachRow(selection, data.rows, (r) => {
    const v = column ? column[r] : Number.NaN;
    if (Number.isNaN(v)) {
      t.blank++;
      return;
    }
    const c = index.get(v);
    if (c !== void 0) {
      categories[c].count++;
      t.valid++;
      t.sum += v;
      return;
    }
    const m = missingIndex.get(v);
    if (m !== void 0) missing2[m].count++;
    else t.blank++;
  });
  return t;
}
function shares(question, data, selection, minBase, surveyId) {
  const t = tally(question, data, selection);
  const respondents3 = selectionSize(selection, data.rows);
  const n = question.base === "valid" ? t.valid : respondents3;
  const reason = suppressionReason(n, minBase);
  const suppressed = reason !== void 0;
  const segments = [...t.missing];
  if (t.blank > 0) segments.push({ code: "blank", label: "No answer", kind: "no-answer", count: t.blank });
  return {
    t,
    base: {
      surveyId,
      questionId: question.id,
      base: question.base,
      n,
      respondents: respondents3,
      suppressed,
      reason,
      shares: t.categories.map((c) => ({ ...c, pct: percent2(c.count, n, suppressed) })),
      // Missing segments are shares of every respondent, whatever the base rule.
      missing: segments.filter((s) => s.count > 0).map((s) => ({ ...s, pct: percent2(s.count, respondents3, suppressed) }))
    }
  };
}
function aggregateCategorical(question, data, selection, minBase, surveyId) {
  const { base: base2 } = shares(question, data, selection, minBase, surveyId);
  return { kind: "categorical", type: question.type, ...base2 };
}
function aggregateScale(question, data, selection, minBase, surveyId) {
  const { t, base: base2 } = shares(question, data, selection, minBase, surveyId);
  const mean = base2.suppressed || t.valid === 0 ? null : t.sum / t.valid;
  return { kind: "scale", ...base2, mean };
}

// pipeline/stages/survey/aggregate-choices.ts
function columnsOf(question, data) {
  return question.columns.map((c) => data.columns.get(c));
}
function aggregateMulti(question, data, selection, minBase, surveyId) {
  const columns = columnsOf(question, data);
  const counts = new Array(columns.length).fill(0);
  let answered = 0;
  eachRow(selection, data.rows, (r) => {
    let any = false;
    columns.forEach((col, i) => {
      const v = col ? col[r] : Number.NaN;
      if (Number.isNaN(v)) return;
      any = true;
      if (v === 1) counts[i]++;
    });
    if (any) answered++;
  });
  const respondents3 = selectionSize(selection, data.rows);
  const n = question.base === "valid" ? answered : respondents3;
  const reason = suppressionReason(n, minBase);
  const suppressed = reason !== void 0;
  return {
    kind: "multi",
    surveyId,
    questionId: question.id,
    base: question.base,
    n,
    respondents: respondents3,
    suppressed,
    reason,
    shares: question.options.map((o, i) => {
      const count2 = counts[i] ?? 0;
      return { code: String(o.code), label: o.label, count: count2, pct: percent2(count2, n, suppressed) };
    })
  };
}
function rankPoints(rank) {
  return Math.max(0, 3 - rank);
}
function aggregateRanking(question, data, selection, minBase, surveyId) {
  const columns = columnsOf(question, data);
  const index = new Map(question.options.map((o, i) => [o.code, i]));
  const first = new Array(question.options.length).fill(0);
  const top = new Array(question.options.length).fill(0);
  const score = new Array(question.options.length).fill(0);
  let answered = 0;
  eachRow(selection, data.rows, (r) => {
    const named = /* @__PURE__ */ new Set();
    columns.forEach((col, rank) => {
      const i = index.get(col ? col[r] : Number.NaN);
      if (i === void 0 || named.has(i)) return;
      named.add(i);
      if (rank === 0) first[i]++;
      top[i]++;
      score[i] += rankPoints(rank);
    });
    if (named.size > 0) answered++;
  });
  const respondents3 = selectionSize(selection, data.rows);
  const n = question.base === "valid" ? answered : respondents3;
  const reason = suppressionReason(n, minBase);
  const suppressed = reason !== void 0;
  const shares2 = question.options.map((o, i) => ({
    code: String(o.code),
    label: o.label,
    firstCount: first[i],
    topCount: top[i],
    firstPct: percent2(first[i], n, suppressed),
    topPct: percent2(top[i], n, suppressed),
    score: score[i]
  }));
  return { kind: "ranking", surveyId, questionId: question.id, base: question.base, n, respondents: respondents3, suppressed, reason, ranks: question.ranks, shares: shares2 };
}

// pipeline/stages/survey/aggregate-numeric.ts
function median(sorted) {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function aggregateNumeric(question, data, selection, minBase, surveyId, cities) {
  const column = data.columns.get(question.columns[0] ?? "");
  const values = [];
  eachRow(selection, data.rows, (r) => {
    const value = column ? column[r] : Number.NaN;
    if (Number.isNaN(value)) return;
    const named = data.consent[r] === 1 ? cities.get(data.cityCodes[r]) : void 0;
    values.push({ cityCode: named?.code ?? null, cityName: named?.name ?? null, value });
  });
  values.sort((a, b) => a.value - b.value || (a.cityName ?? "\uFFFF").localeCompare(b.cityName ?? "\uFFFF"));
  const n = values.length;
  const reason = suppressionReason(n, minBase);
  const suppressed = reason !== void 0;
  const sorted = values.map((v) => v.value);
  return {
    kind: "numeric",
    surveyId,
    questionId: question.id,
    base: question.base,
    n,
    respondents: selectionSize(selection, data.rows),
    suppressed,
    reason,
    unit: question.unit,
    decimals: question.decimals,
    values: suppressed ? [] : values,
    median: suppressed ? null : median(sorted),
    min: suppressed ? null : sorted[0] ?? null,
    max: suppressed ? null : sorted[n - 1] ?? null,
    mean: suppressed || n === 0 ? null : sorted.reduce((s, v) => s + v, 0) / n
  };
}
function aggregateOpen(question, data, selection, minBase, surveyId) {
  const column = data.columns.get(question.columns[0] ?? "");
  let n = 0;
  eachRow(selection, data.rows, (r) => {
    if (column && column[r] === 1) n++;
  });
  const reason = suppressionReason(n, minBase);
  return { kind: "open", surveyId, questionId: question.id, base: question.base, n, respondents: selectionSize(selection, data.rows), suppressed: reason !== void 0, reason };
}

// pipeline/stages/survey/aggregate.ts
function aggregateQuestion(survey, question, cities, minBase, selection) {
  const args = [survey.data, selection, minBase, survey.id];
  switch (question.type) {
    case "single":
    case "likert":
      return aggregateCategorical({ ...question, type: question.type }, ...args);
    case "scale_0_10":
      return aggregateScale(question, ...args);
    case "multi":
      return aggregateMulti(question, ...args);
    case "ranking":
      return aggregateRanking(question, ...args);
    case "numeric":
      return aggregateNumeric(question, ...args, cities);
    case "open":
      return aggregateOpen(question, ...args);
  }
}

// pipeline/stages/survey/countries.ts
var countryNames = /* @__PURE__ */ new Map([
  ["AL", "Albania"],
  ["AM", "Armenia"],
  ["AT", "Austria"],
  ["BA", "Bosnia and Herzegovina"],
  ["BE", "Belgium"],
  ["BG", "Bulgaria"],
  ["BY", "Belarus"],
  ["CH", "Switzerland"],
  ["CY", "Cyprus"],
  ["CZ", "Czechia"],
  ["DE", "Germany"],
  ["DK", "Denmark"],
  ["EE", "Estonia"],
  ["ES", "Spain"],
  ["FI", "Finland"],
  ["FR", "France"],
  ["GB", "United Kingdom"],
  ["GE", "Georgia"],
  ["GR", "Greece"],
  ["HR", "Croatia"],
  ["HU", "Hungary"],
  ["IE", "Ireland"],
  ["IS", "Iceland"],
  ["IT", "Italy"],
  ["LI", "Liechtenstein"],
  ["LT", "Lithuania"],
  ["LU", "Luxembourg"],
  ["LV", "Latvia"],
  ["MD", "Moldova"],
  ["ME", "Montenegro"],
  ["MK", "North Macedonia"],
  ["MT", "Malta"],
  ["NL", "Netherlands"],
  ["NO", "Norway"],
  ["PL", "Poland"],
  ["PT", "Portugal"],
  ["RO", "Romania"],
  ["RS", "Serbia"],
  ["SE", "Sweden"],
  ["SI", "Slovenia"],
  ["SK", "Slovakia"],
  ["TR", "T\xFCrkiye"],
  ["UA", "Ukraine"],
  ["XK", "Kosovo"]
]);
var memberTypeLabels = { full: "Full members", associate: "Associates", partner: "Partners" };

// pipeline/stages/survey/breakdown.ts
function groupOf(city, by) {
  if (by === "region") return { key: city.region, label: city.region };
  if (by === "country") return { key: city.country, label: countryNames.get(city.country) ?? city.country };
  return { key: city.memberType, label: memberTypeLabels[city.memberType] };
}
function order(by) {
  if (by === "region") return (a, b) => regions.indexOf(a.key) - regions.indexOf(b.key);
  if (by === "member_type") return (a, b) => memberTypes.indexOf(a.key) - memberTypes.indexOf(b.key);
  return (a, b) => a.label.localeCompare(b.label, "en");
}
function breakdown(survey, question, by, cities, minBase, selection) {
  const groups2 = /* @__PURE__ */ new Map();
  const push = (r) => {
    const city = cities.get(survey.data.cityCodes[r] ?? "");
    if (!city) return;
    const g = groupOf(city, by);
    let entry = groups2.get(g.key);
    if (!entry) groups2.set(g.key, entry = { ...g, rows: [] });
    entry.rows.push(r);
  };
  if (selection === void 0) for (let r = 0; r < survey.data.rows; r++) push(r);
  else selection.forEach(push);
  const result = [...groups2.values()].sort(order(by)).map((g) => {
    const aggregate = aggregateQuestion(survey, question, cities, minBase, g.rows);
    const reason = suppressionReason(aggregate.n, minBase);
    if (reason !== void 0) return { key: g.key, label: g.label, n: aggregate.n, suppressed: true, reason };
    return { key: g.key, label: g.label, n: aggregate.n, suppressed: false, aggregate };
  });
  return {
    kind: "breakdown",
    surveyId: survey.id,
    questionId: question.id,
    by,
    groups: result,
    total: aggregateQuestion(survey, question, cities, minBase, selection),
    minBase
  };
}

// pipeline/stages/survey/year-on-year.ts
function currentShares(aggregate, measure) {
  const out = /* @__PURE__ */ new Map();
  switch (aggregate.kind) {
    case "categorical":
    case "scale":
    case "multi":
      for (const s of aggregate.shares) out.set(s.code, s.pct);
      break;
    case "ranking":
      for (const s of aggregate.shares) out.set(s.code, measure === "first-choice" ? s.firstPct : s.topPct);
      break;
    default:
      break;
  }
  return out;
}
function yearOnYear(survey, question, cities, minBase) {
  const previous = survey.previous;
  const before = previous?.questions.get(question.id);
  if (!previous || !before) return void 0;
  const aggregate = aggregateQuestion(survey, question, cities, minBase);
  const now = currentShares(aggregate, before.measure);
  const categories = question.type === "scale_0_10" ? question.bands.map((b) => ({ code: b.key, label: b.label })) : question.options.map((o) => ({ code: String(o.code), label: o.label }));
  const rows = categories.filter((c) => now.has(c.code) || before.shares.has(c.code)).map((c) => {
    const p = before.shares.get(c.code) ?? null;
    const q = now.get(c.code) ?? null;
    return { code: c.code, label: c.label, previous: p, current: q, change: p === null || q === null ? null : q - p, previousN: before.n, currentN: aggregate.n };
  });
  return {
    kind: "year-on-year",
    surveyId: survey.id,
    questionId: question.id,
    measure: before.measure,
    previous: { id: previous.id, shortTitle: previous.shortTitle, n: before.n },
    current: { id: survey.id, shortTitle: survey.shortTitle, n: aggregate.n, suppressed: aggregate.suppressed },
    rows
  };
}

// pipeline/stages/charts/groups.ts
function isShareAggregate(a) {
  return a.kind === "categorical" || a.kind === "scale";
}
function groupRows(total, breakdown2, language) {
  const rows = [{ name: "All cities", label: `All cities (${nEquals(total.n, language)})`, n: total.n, aggregate: total }];
  for (const g of breakdown2?.groups ?? []) {
    const aggregate = !g.suppressed && isShareAggregate(g.aggregate) && !g.aggregate.suppressed ? g.aggregate : void 0;
    rows.push({ name: g.label, label: `${g.label} (${nEquals(g.n, language)})`, n: g.n, aggregate });
  }
  return rows;
}
function suppressedText(minBase) {
  return `fewer than ${minBase} responses, not shown`;
}
function suppressionNote(minBase) {
  return `Groups with fewer than ${minBase} responses are not shown as percentages.`;
}
function missingLabel(rows) {
  const kinds = /* @__PURE__ */ new Set();
  for (const r of rows) for (const m of r.aggregate?.missing ?? []) if (m.count > 0) kinds.add(m.kind);
  if (kinds.size === 0) return void 0;
  if (kinds.size === 2) return "Don't know or no answer";
  return kinds.has("dont-know") ? "Don't know" : "No answer";
}
function missingPct(aggregate) {
  return aggregate.missing.reduce((s, m) => s + (m.pct ?? 0), 0);
}
function groupTable(rows, categories, muted, groupHeader) {
  const columns = [
    { key: "group", label: groupHeader },
    { key: "n", label: "n", numeric: true },
    ...categories.map((c) => ({ key: `pct-${c.code}`, label: `${c.label} (%)`, numeric: true })),
    ...muted ? [{ key: "pct-missing", label: `${muted} (%)`, numeric: true }] : []
  ];
  const body = rows.map((r) => {
    const a = r.aggregate;
    const cells = categories.map((c) => {
      const pct2 = a?.shares.find((s) => s.code === c.code)?.pct;
      return pct2 === null || pct2 === void 0 ? null : round1(pct2);
    });
    if (muted) cells.push(a ? round1(missingPct(a)) : null);
    return [r.name, r.n, ...cells];
  });
  return { columns, rows: body };
}

// pipeline/stages/charts/spec-bars.ts
function rankItems(items) {
  const indexed = items.map((item, i) => ({ item, i }));
  const main = indexed.filter((x2) => !x2.item.muted).sort((a, b) => b.item.pct - a.item.pct || a.i - b.i);
  const muted = indexed.filter((x2) => x2.item.muted);
  return [...main, ...muted].map((x2) => x2.item);
}
function rankedBars(input) {
  const ranked = rankItems(input.items);
  const values = ranked.map((item) => ({
    label: item.label,
    pct: round1(item.pct),
    text: percent(item.pct, input.language),
    fill: item.muted ? missingColour : primary
  }));
  const max = Math.max(10, ...values.map((v) => v.pct));
  const spec = {
    ...fitWidth,
    height: { step: sizes.barBand + 4 },
    data: { values },
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        sort: null,
        title: null,
        axis: rowAxis(values.map((v) => v.label))
      }
    },
    layer: [
      {
        mark: { type: "bar", height: sizes.barBand },
        encoding: {
          // Room on the right for the longest label.
          x: { field: "pct", type: "quantitative", scale: { domain: [0, max * 1.15] }, axis: null },
          fill: { field: "fill", type: "nominal", scale: null }
        }
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 5, fill: ink, fontSize: sizes.value },
        encoding: { x: { field: "pct", type: "quantitative" }, text: { field: "text" } }
      }
    ],
    config: themeConfig()
  };
  const table = {
    columns: [
      { key: "label", label: input.categoryLabel },
      { key: "pct", label: input.valueLabel, numeric: true }
    ],
    rows: values.map((v) => [v.label, v.pct]),
    notes: []
  };
  return { spec, table };
}

// pipeline/stages/charts/segments.ts
function segmentSpec(chart) {
  const colourOf = new Map(chart.parts.map((p) => [p.label, p.colour]));
  const plot = width - 8 - rowLabelWidth(chart.rows);
  const pxPerUnit = plot / (chart.domain[1] - chart.domain[0]);
  const fits = (pct2, text3) => pct2 * pxPerUnit >= estimateText(text3, sizes.value) * 0.8 + 4;
  const values = [
    ...chart.segments.map((s) => ({
      kind: "segment",
      row: s.row,
      part: s.part,
      pct: round1(s.pct),
      x: round1(s.x),
      x2: round1(s.x2),
      mid: round1((s.x + s.x2) / 2),
      text: fits(s.pct, percent(s.pct, chart.language)) ? percent(s.pct, chart.language) : "",
      textFill: textOn(colourOf.get(s.part) ?? "#000000")
    })),
    ...chart.suppressed.map((s) => ({ kind: "suppressed", row: s.row, text: s.text, x: chart.domain[0] }))
  ];
  const x2 = { type: "quantitative", scale: { domain: [...chart.domain], nice: false, zero: false }, axis: null };
  const y = {
    field: "row",
    type: "nominal",
    sort: null,
    scale: { domain: [...chart.rows] },
    title: null,
    axis: { domain: false, ticks: false, labelPadding: 8, labelLimit: 320 }
  };
  const layers = [];
  if (chart.centreRule) {
    layers.push({
      data: { values: [{ x: 0 }] },
      mark: { type: "rule", stroke: ink, strokeWidth: 1 },
      encoding: { x: { field: "x", ...x2 } }
    });
  }
  layers.push(
    {
      transform: [{ filter: "datum.kind === 'segment'" }],
      mark: { type: "bar", height: sizes.barBand, stroke: "#ffffff", strokeWidth: 1 },
      encoding: {
        y,
        x: { field: "x", ...x2 },
        x2: { field: "x2" },
        fill: {
          field: "part",
          type: "nominal",
          scale: { domain: chart.parts.map((p) => p.label), range: chart.parts.map((p) => p.colour) },
          legend: { title: null, orient: "top", direction: "horizontal", columns: legendColumns(chart.parts.map((p) => p.label), plot), symbolStrokeWidth: 0 }
        }
      }
    },
    {
      transform: [{ filter: "datum.kind === 'segment' && datum.text !== ''" }],
      mark: { type: "text", align: "center", baseline: "middle", fontSize: sizes.value },
      encoding: {
        y,
        x: { field: "mid", ...x2 },
        text: { field: "text" },
        fill: { field: "textFill", type: "nominal", scale: null }
      }
    },
    {
      transform: [{ filter: "datum.kind === 'suppressed'" }],
      mark: { type: "text", align: "left", baseline: "middle", dx: 2, fill: inkMuted, fontStyle: "italic", fontSize: sizes.value },
      encoding: { y, x: { field: "x", ...x2 }, text: { field: "text" } }
    }
  );
  return {
    ...fitWidth,
    height: { step: sizes.barBand + 8 },
    data: { values },
    layer: layers,
    config: themeConfig()
  };
}

// pipeline/stages/charts/spec-diverging.ts
var gap = 8;
var paletteIndex = { 2: [1, 3], 3: [1, 2, 3], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };
function canDiverge(categories) {
  return categories in paletteIndex;
}
function divergingBars(rows, groupHeader, minBase, language) {
  const first = rows.find((r) => r.aggregate)?.aggregate;
  const categories = (first?.shares ?? []).map((s) => ({ code: s.code, label: s.label }));
  const k = categories.length;
  const index = paletteIndex[k] ?? paletteIndex[5];
  const mid = Math.floor(k / 2);
  const hasNeutral = k % 2 === 1;
  const muted = missingLabel(rows);
  const parts = [
    ...categories.map((c, i) => ({ label: c.label, colour: diverging5[index[i] ?? 2] })),
    ...muted ? [{ label: muted, colour: missingColour }] : []
  ];
  const placed = [];
  const mutedPct = [];
  let extent = 10;
  for (const row of rows) {
    const a = row.aggregate;
    if (!a) continue;
    const pct2 = categories.map((c) => a.shares.find((s) => s.code === c.code)?.pct ?? 0);
    const half = hasNeutral ? pct2[mid] / 2 : 0;
    if (hasNeutral && pct2[mid] > 0) placed.push({ row: row.label, part: categories[mid].label, pct: pct2[mid], x: -half, x2: half });
    let left = -half;
    for (let i = mid - 1; i >= 0; i--) {
      if (pct2[i] > 0) placed.push({ row: row.label, part: categories[i].label, pct: pct2[i], x: left - pct2[i], x2: left });
      left -= pct2[i];
    }
    let right = half;
    for (let i = hasNeutral ? mid + 1 : mid; i < k; i++) {
      if (pct2[i] > 0) placed.push({ row: row.label, part: categories[i].label, pct: pct2[i], x: right, x2: right + pct2[i] });
      right += pct2[i];
    }
    extent = Math.max(extent, -left, right);
    const m = missingPct(a);
    if (muted && m > 0) mutedPct.push({ row: row.label, pct: m });
  }
  const start = extent + gap;
  const segments = [...placed, ...mutedPct.map((m) => ({ row: m.row, part: muted, pct: m.pct, x: start, x2: start + m.pct }))];
  const maxMuted = Math.max(0, ...mutedPct.map((m) => m.pct));
  const suppressed = rows.filter((r) => !r.aggregate).map((r) => ({ row: r.label, text: suppressedText(minBase) }));
  const spec = segmentSpec({
    rows: rows.map((r) => r.label),
    parts,
    segments,
    suppressed,
    domain: [-extent, maxMuted > 0 ? start + maxMuted : extent],
    centreRule: true,
    language
  });
  const t = groupTable(rows, categories, muted, groupHeader);
  const notes = suppressed.length > 0 ? [suppressionNote(minBase)] : [];
  const table = { ...t, notes };
  return { spec, table, notes };
}

// pipeline/stages/charts/spec-numeric.ts
var bins = 60;
var rowHeight = 9;
function dotPlot(aggregate, language) {
  const digits = aggregate.decimals;
  const values = aggregate.values.map((v) => ({ ...v, value: roundTo(v.value, digits) }));
  const lo = Math.min(...values.map((v) => v.value));
  const hi = Math.max(...values.map((v) => v.value));
  const width2 = hi > lo ? (hi - lo) / bins : 1;
  const level = /* @__PURE__ */ new Map();
  const dots = values.map((v) => {
    const bin = Math.floor((v.value - lo) / width2);
    const y2 = level.get(bin) ?? 0;
    level.set(bin, y2 + 1);
    return { kind: "dot", value: v.value, y: y2 };
  });
  const top = Math.max(1, ...level.values());
  const height3 = Math.max(80, (top + 4) * rowHeight);
  const fmt = (x3) => decimal(x3, language, digits);
  const median2 = aggregate.median === null ? void 0 : roundTo(aggregate.median, digits);
  const named = values.filter((v) => v.cityName !== null);
  const labels = [];
  const low = named[0];
  const high = named[named.length - 1];
  if (low) labels.push({ kind: "label", value: low.value, y: top + 2, text: `${low.cityName}: ${fmt(low.value)}`, side: "left" });
  if (high && high !== low) labels.push({ kind: "label", value: high.value, y: top + 2, text: `${high.cityName}: ${fmt(high.value)}`, side: "right" });
  const x2 = {
    field: "value",
    type: "quantitative",
    scale: { zero: aggregate.min !== null && aggregate.min >= 0, nice: true },
    axis: { title: aggregate.unit ?? null, grid: false, tickCount: 8 }
  };
  const y = { field: "y", type: "quantitative", scale: { domain: [-0.5, top + 3] }, axis: null };
  const layers = [
    { transform: [{ filter: "datum.kind === 'dot'" }], mark: { type: "circle", size: 42, fill: primary, opacity: 1 }, encoding: { x: x2, y } },
    ...["left", "right"].map((side) => ({
      transform: [{ filter: `datum.kind === 'label' && datum.side === '${side}'` }],
      mark: { type: "text", align: side === "left" ? "left" : "right", baseline: "middle", fill: ink, fontSize: sizes.value },
      encoding: { x: x2, y, text: { field: "text" } }
    }))
  ];
  if (median2 !== void 0) {
    layers.push(
      { transform: [{ filter: "datum.kind === 'median'" }], mark: { type: "rule", stroke: ink, strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x: x2 } },
      {
        transform: [{ filter: "datum.kind === 'median'" }],
        mark: { type: "text", align: "left", baseline: "top", dx: 4, fill: inkMuted, fontSize: sizes.value },
        encoding: { x: x2, y: { value: 0 }, text: { field: "text" } }
      }
    );
  }
  const data = [
    ...dots,
    ...labels,
    ...median2 !== void 0 ? [{ kind: "median", value: median2, text: `Median: ${fmt(median2)}` }] : []
  ];
  const spec = { ...fitWidth, height: height3, data: { values: data }, layer: layers, config: themeConfig() };
  const table = {
    columns: [
      { key: "city", label: "City" },
      { key: "value", label: aggregate.unit ? `Value (${aggregate.unit})` : "Value", numeric: true }
    ],
    rows: [
      ...values.map((v) => [v.cityName ?? "Anonymous city", v.value]),
      ...median2 !== void 0 ? [["Median", median2]] : []
    ],
    notes: ['Cities that did not agree to be named are listed as "Anonymous city".']
  };
  return { spec, table };
}

// pipeline/stages/charts/spec-dumbbell.ts
function dumbbell(yoy, language) {
  const before = `${yoy.previous.shortTitle} (${nEquals(yoy.previous.n, language)})`;
  const now = `${yoy.current.shortTitle} (${nEquals(yoy.current.n, language)})`;
  const rows = yoy.rows.filter((r) => r.previous !== null || r.current !== null).map((r, i) => ({ r, i })).sort((a, b) => (b.r.current ?? -1) - (a.r.current ?? -1) || a.i - b.i).map((x3) => x3.r);
  const values = [];
  for (const r of rows) {
    const p = r.previous === null ? void 0 : round1(r.previous);
    const c = r.current === null ? void 0 : round1(r.current);
    if (p !== void 0 && c !== void 0) values.push({ kind: "line", label: r.label, a: Math.min(p, c), b: Math.max(p, c) });
    const cRight = c !== void 0 && (p === void 0 || c >= p);
    if (p !== void 0) values.push({ kind: "dot", label: r.label, edition: before, pct: p, text: percent(p, language), side: cRight && c !== p ? "left" : "right" });
    if (c !== void 0) values.push({ kind: "dot", label: r.label, edition: now, pct: c, text: percent(c, language), side: cRight ? "right" : "left" });
  }
  const seen = /* @__PURE__ */ new Set();
  for (const v of values) {
    if (v["kind"] !== "dot") continue;
    const key = `${v["label"]}|${v["pct"]}`;
    if (seen.has(key)) v["text"] = "";
    seen.add(key);
  }
  const y = { field: "label", type: "nominal", sort: null, scale: { domain: rows.map((r) => r.label) }, title: null, axis: rowAxis(rows.map((r) => r.label)) };
  const columns = legendColumns([before, now], width - 8 - rowLabelWidth(rows.map((r) => r.label)));
  const x2 = { type: "quantitative", scale: { domain: [0, 100] }, axis: null };
  const spec = {
    ...fitWidth,
    height: { step: sizes.barBand + 8 },
    data: { values },
    layer: [
      { transform: [{ filter: "datum.kind === 'line'" }], mark: { type: "rule", stroke: missingColour, strokeWidth: 3 }, encoding: { y, x: { field: "a", ...x2 }, x2: { field: "b" } } },
      {
        transform: [{ filter: "datum.kind === 'dot'" }],
        mark: { type: "point", filled: true, size: 130, opacity: 1, stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          y,
          x: { field: "pct", ...x2 },
          fill: { field: "edition", type: "nominal", scale: { domain: [before, now], range: [secondary, primary] }, legend: { title: null, orient: "top", direction: "horizontal", columns } },
          shape: { field: "edition", type: "nominal", scale: { domain: [before, now], range: ["circle", "diamond"] }, legend: { title: null, orient: "top", direction: "horizontal", columns } }
        }
      },
      ...["left", "right"].map((side) => ({
        transform: [{ filter: `datum.kind === 'dot' && datum.side === '${side}' && datum.text !== ''` }],
        mark: { type: "text", align: side === "left" ? "right" : "left", dx: side === "left" ? -9 : 9, baseline: "middle", fill: ink, fontSize: sizes.value },
        encoding: { y, x: { field: "pct", ...x2 }, text: { field: "text" } }
      }))
    ],
    config: themeConfig()
  };
  const table = {
    columns: [
      { key: "label", label: "Answer" },
      { key: "previous", label: `${yoy.previous.shortTitle} (%)`, numeric: true },
      { key: "current", label: `${yoy.current.shortTitle} (%)`, numeric: true },
      { key: "change", label: "Change (percentage points)", numeric: true }
    ],
    rows: rows.map((r) => {
      const p = r.previous === null ? null : round1(r.previous);
      const c = r.current === null ? null : round1(r.current);
      return [r.label, p, c, p === null || c === null ? null : round1(c - p)];
    }),
    notes: []
  };
  return { spec, table, editions: [before, now] };
}

// pipeline/stages/charts/spec-stacked.ts
var gap2 = 4;
function stackedBars(rows, groupHeader, minBase, language) {
  const first = rows.find((r) => r.aggregate)?.aggregate;
  const categories = (first?.shares ?? []).map((s) => ({ code: s.code, label: s.label }));
  const muted = missingLabel(rows);
  const parts = [
    ...categories.map((c, i) => ({ label: c.label, colour: categorical[i % categorical.length] })),
    ...muted ? [{ label: muted, colour: missingColour }] : []
  ];
  const segments = [];
  let maxMuted = 0;
  for (const row of rows) {
    const a = row.aggregate;
    if (!a) continue;
    let at = 0;
    for (const c of categories) {
      const pct2 = a.shares.find((s) => s.code === c.code)?.pct ?? 0;
      if (pct2 > 0) segments.push({ row: row.label, part: c.label, pct: pct2, x: at, x2: at + pct2 });
      at += pct2;
    }
    const m = missingPct(a);
    if (muted && m > 0) {
      segments.push({ row: row.label, part: muted, pct: m, x: 100 + gap2, x2: 100 + gap2 + m });
      maxMuted = Math.max(maxMuted, m);
    }
  }
  const suppressed = rows.filter((r) => !r.aggregate).map((r) => ({ row: r.label, text: suppressedText(minBase) }));
  const spec = segmentSpec({
    rows: rows.map((r) => r.label),
    parts,
    segments,
    suppressed,
    domain: [0, maxMuted > 0 ? 100 + gap2 + maxMuted : 100],
    centreRule: false,
    language
  });
  const t = groupTable(rows, categories, muted, groupHeader);
  const notes = suppressed.length > 0 ? [suppressionNote(minBase)] : [];
  const table = { ...t, notes };
  return { spec, table, notes };
}

// pipeline/stages/charts/plan-question.ts
var multiNote = "Multiple answers possible.";
var groupHeaders = { region: "Region", country: "Country", member_type: "Member type" };
function planQuestion(request, survey, question, by, compare2, bundle, language) {
  const total = aggregateQuestion(survey, question, bundle.citiesByCode, bundle.minBase);
  if (total.suppressed) {
    return fail("chart-suppressed", `${question.id} has ${total.n} answers, fewer than survey.minBase (${bundle.minBase}); no percentages can be shown`);
  }
  let drawn;
  if (compare2) drawn = drawCompare(survey, question, bundle, language);
  else drawn = drawQuestion(survey, question, by, bundle, language, total);
  if (typeof drawn === "string") return fail("chart-option", drawn);
  const base2 = question.base === "valid" ? "valid" : "all";
  const note = sourceNote({ survey, question, n: drawn.n, base: base2, language, extra: drawn.extra });
  const table = { ...drawn.table, notes: [...drawn.table.notes] };
  return {
    ok: true,
    plan: {
      version: planVersion,
      kind: drawn.kind,
      domId: request.domId,
      alt: request.alt,
      summary: drawn.summary,
      spec: drawn.spec,
      basemap: null,
      table,
      csv: toCsv(table),
      sourceNote: note,
      notes: drawn.notes
    }
  };
}
function drawQuestion(survey, question, by, bundle, language, total) {
  const n = total.n;
  switch (total.kind) {
    case "ranking": {
      const items = total.shares.map((s) => ({ label: s.label, pct: s.topPct ?? 0 }));
      const top = total.ranks === 1 ? "ranking it first" : `naming it in their top ${total.ranks === 3 ? "three" : total.ranks}`;
      const { spec, table } = rankedBars({ items, categoryLabel: "Answer", valueLabel: `Share of cities ${top} (%)`, language });
      const summary = `Horizontal bars, sorted, of the share of cities ${top.replace(" it ", " each option ")}.`;
      return { kind: "ranked-bars", summary, spec, table, n, extra: [`Share of cities ${top.replace(" it ", " each option ")}.`], notes: [] };
    }
    case "multi": {
      const items = total.shares.map((s) => ({ label: s.label, pct: s.pct ?? 0 }));
      const { spec, table } = rankedBars({ items, categoryLabel: "Answer", valueLabel: "Share of cities (%)", language });
      return { kind: "ranked-bars", summary: "Horizontal bars, sorted, of the share of cities choosing each answer; several answers were possible.", spec, table, n, extra: [multiNote], notes: [] };
    }
    case "categorical":
    case "scale": {
      const diverge = total.kind === "scale" || total.type === "likert";
      if (!diverge && by === void 0) {
        const items = [
          ...total.shares.map((s2) => ({ label: s2.label, pct: s2.pct ?? 0 })),
          ...total.missing.map((m) => ({ label: m.label, pct: m.pct ?? 0, muted: true }))
        ];
        const { spec, table } = rankedBars({ items, categoryLabel: "Answer", valueLabel: "Share of cities (%)", language });
        const extra2 = total.base === "valid" && total.missing.length > 0 ? [`"${total.missing.map((m) => m.label).join('", "')}" as a share of all ${total.respondents} responding cities.`] : [];
        return { kind: "ranked-bars", summary: "Horizontal bars, sorted, of the share of cities giving each answer.", spec, table, n, extra: extra2, notes: [] };
      }
      if (!isShareAggregate(total)) return "unexpected aggregate";
      const split = by === void 0 ? void 0 : breakdown(survey, question, by, bundle.citiesByCode, bundle.minBase);
      const rows = groupRows(total, split, language);
      const header = by === void 0 ? "Group" : groupHeaders[by];
      const extra = [
        ...by ? [`Group sizes (n) are shown with each row.`] : [],
        ...total.missing.length > 0 && total.base === "valid" ? [`"Don't know" and "no answer" are shares of all responding cities.`] : []
      ];
      if (diverge) {
        if (!canDiverge(total.shares.length)) return `${question.id} has ${total.shares.length} categories; diverging bars support 2 to 5`;
        const d = divergingBars(rows, header, bundle.minBase, language);
        return { kind: "diverging", summary: `Diverging stacked bars centred on the neutral midpoint${by ? `, one row per ${header.toLowerCase()}` : ""}; "don't know" shown apart on the right.`, spec: d.spec, table: d.table, n, extra, notes: d.notes };
      }
      const s = stackedBars(rows, header, bundle.minBase, language);
      return { kind: "stacked-bars", summary: `100% stacked horizontal bars, one row per ${header.toLowerCase()} with its number of cities.`, spec: s.spec, table: s.table, n, extra, notes: s.notes };
    }
    case "numeric": {
      const { spec, table } = dotPlot(total, language);
      return { kind: "strip", summary: `Dot plot of the values of ${nEquals(total.n, language).replace("n = ", "")} cities, one dot per city, with the median marked.`, spec, table, n, extra: total.unit ? [`Values in ${total.unit}.`] : [], notes: [] };
    }
    case "open":
      return `${question.id} is an open question; its answers are never published`;
  }
}
function drawCompare(survey, question, bundle, language) {
  const yoy = yearOnYear(survey, question, bundle.citiesByCode, bundle.minBase);
  if (!yoy) return `The previous edition has no figures for ${question.id}`;
  const { spec, table } = dumbbell(yoy, language);
  const measure = yoy.measure === "top-three" ? " Share of cities naming each option in their top three." : yoy.measure === "first-choice" ? " Share of cities ranking each option first." : "";
  const extra = [`Previous edition: ${yoy.previous.shortTitle} (${nEquals(yoy.previous.n, language)}).${measure}`, ...yoy.measure === "respondents" ? [multiNote] : []];
  return { kind: "dumbbell", summary: `Dumbbell chart comparing ${yoy.previous.shortTitle} with ${yoy.current.shortTitle} for each answer.`, spec, table, n: yoy.current.n, extra, notes: [] };
}

// pipeline/stages/charts/render.ts
var engine;
function loadEngine() {
  engine ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    vega.textMetrics.width = vegaTextWidth;
    return { vega, compile: vl.compile };
  });
  return engine;
}
var RenderError = class extends Error {
  rule = "chart-render";
};
function refusingLoader(attempts = []) {
  const refuse = (uri) => {
    attempts.push(String(uri));
    return Promise.reject(new RenderError(`Charts may not load external resources (asked for "${String(uri)}").`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}
function collectingLogger(errors) {
  const logger = {
    level: (_) => logger,
    error: (...args) => (errors.push(args.map(String).join(" ")), logger),
    warn: () => logger,
    info: () => logger,
    debug: () => logger
  };
  return logger;
}
async function renderSvg(spec, options) {
  const { vega, compile } = await loadEngine();
  let full = spec;
  if (options.basemap) {
    const { basemapFeatures: basemapFeatures2 } = await Promise.resolve().then(() => (init_basemap(), basemap_exports));
    const values = await basemapFeatures2(options.basemap);
    const datasets = { ...spec.datasets, basemap: values };
    full = { ...spec, datasets };
  }
  const errors = [];
  const attempts = [];
  let compiled;
  try {
    compiled = compile(full, { logger: collectingLogger([]) }).spec;
  } catch (e) {
    throw new RenderError(`Vega-Lite could not compile the chart: ${e.message}`);
  }
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    loader: refusingLoader(attempts),
    logger: collectingLogger(errors),
    logLevel: vega.Error
  });
  try {
    const svg = await view.toSVG();
    if (attempts.length > 0) throw new RenderError(`Charts may not load external resources (asked for "${attempts[0]}").`);
    if (errors.length > 0) throw new RenderError(`Vega could not draw the chart: ${errors[0]}`);
    return svg;
  } catch (e) {
    if (e instanceof RenderError) throw e;
    throw new RenderError(`Vega could not draw the chart: ${e.message}`);
  } finally {
    view.finalize();
  }
}

// pipeline/stages/charts/spec-map.ts
var coreFrame = { west: -10, east: 30, south: 36, north: 61 };
var margin = 2;
var plotWidth = width - 8;
var height = 540;
function planMap(request, survey, bundle, language) {
  const points = [];
  let anonymous = 0;
  const perCountry = /* @__PURE__ */ new Map();
  survey.data.cityCodes.forEach((code2, row) => {
    const city = bundle.citiesByCode.get(code2);
    if (!city) return;
    if (survey.data.consent[row] === 1) points.push({ lon: round(city.lon), lat: round(city.lat), population: city.population ?? 0 });
    else anonymous += 1;
    const entry = perCountry.get(city.country) ?? { count: 0, named: [] };
    entry.count += 1;
    if (survey.data.consent[row] === 1) entry.named.push(city.name);
    perCountry.set(city.country, entry);
  });
  points.sort((a, b) => a.lon - b.lon || a.lat - b.lat);
  const frame = frameFor(points);
  const spec = {
    width: plotWidth,
    height,
    projection: {
      type: "azimuthalEqualArea",
      rotate: [-10, -52, 0],
      fit: { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: frameOutline(frame) } },
      clipExtent: [
        [0, 0],
        [plotWidth, height]
      ]
    },
    layer: [
      { data: { name: "basemap" }, mark: { type: "geoshape", fill: land, stroke: border, strokeWidth: 0.5 } },
      {
        data: { values: points },
        mark: { type: "circle", fill: primary, opacity: 0.85, stroke: paper, strokeWidth: 1 },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          size: {
            field: "population",
            type: "quantitative",
            scale: { type: "sqrt", range: [20, 420] },
            legend: { title: "Population", format: "~s" }
          }
        }
      }
    ],
    config: { ...themeConfig(), view: { stroke: null } }
  };
  const countries = [...perCountry.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const table = {
    columns: [
      { key: "country", label: "Country" },
      { key: "cities", label: "Responding cities", numeric: true },
      { key: "named", label: "Cities that agreed to be named" }
    ],
    rows: countries.map(([country, e]) => [country, e.count, [...e.named].sort().join("; ")]),
    notes: ["Cities that did not agree to be named are counted but neither listed nor mapped."]
  };
  return {
    version: planVersion,
    kind: "map",
    domId: request.domId,
    alt: request.alt,
    summary: `Map of Europe with a circle, sized by population, for each of the ${points.length} responding cities that agreed to be named.`,
    spec,
    basemap: frame,
    table,
    csv: toCsv(table),
    sourceNote: sourceNote({ survey, question: void 0, n: survey.respondents, base: "respondents", language, extra: ["Map: Natural Earth."] }),
    notes: anonymous > 0 ? [`${anonymous} responding ${anonymous === 1 ? "city that" : "cities that"} asked not to be named ${anonymous === 1 ? "is" : "are"} not shown on the map.`] : []
  };
}
function round(v) {
  return Math.round(v * 100) / 100;
}
function frameFor(points) {
  let { west, east, south, north } = coreFrame;
  for (const p of points) {
    west = Math.min(west, p.lon - margin);
    east = Math.max(east, p.lon + margin);
    south = Math.min(south, p.lat - margin);
    north = Math.max(north, p.lat + margin);
  }
  return { west, east, south, north };
}
function frameOutline(f) {
  const out = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const lon = f.west + (f.east - f.west) * i / steps;
    out.push([lon, f.south], [lon, f.north]);
  }
  for (let i = 1; i < steps; i++) {
    const lat = f.south + (f.north - f.south) * i / steps;
    out.push([f.west, lat], [f.east, lat]);
  }
  return out;
}

// pipeline/stages/charts/spec-tiles.ts
var tileFill = "#eef3f9";
var height2 = 120;
function planTiles(request, survey, language) {
  const tiles = [
    { label: "Responding cities", value: survey.respondents, text: decimal(survey.respondents, language, 0) },
    { label: "Countries", value: survey.countries, text: decimal(survey.countries, language, 0) }
  ];
  const notes = [];
  if (survey.populationSize !== void 0 && survey.populationSize > 0) {
    const rate = round1(100 * survey.respondents / survey.populationSize);
    tiles.push({ label: "Response rate", value: rate, text: percent(rate, language) });
    notes.push(`Response rate: ${survey.respondents} of ${survey.populationSize} member cities.`);
  }
  const values = tiles.map((t, i) => ({ ...t, i }));
  const gap3 = 12;
  const plotWidth2 = width - 8;
  const tileWidth = (plotWidth2 - gap3 * (tiles.length - 1)) / tiles.length;
  const x2 = { field: "i", type: "ordinal", axis: null, scale: { paddingInner: gap3 / (tileWidth + gap3), paddingOuter: 0 } };
  const spec = {
    width: plotWidth2,
    height: height2,
    data: { values },
    encoding: { x: x2 },
    layer: [
      { mark: { type: "bar", fill: tileFill, cornerRadius: 4, height: height2 }, encoding: { y: { value: height2 / 2 } } },
      {
        mark: { type: "text", font, fontSize: sizes.tileNumber, fontWeight: 700, fill: primary, baseline: "alphabetic" },
        encoding: { text: { field: "text" }, y: { value: 62 } }
      },
      {
        mark: { type: "text", font, fontSize: sizes.tileLabel, fill: ink, baseline: "alphabetic" },
        encoding: { text: { field: "label" }, y: { value: 92 } }
      }
    ],
    config: themeConfig()
  };
  const table = {
    columns: [
      { key: "measure", label: "Measure" },
      { key: "value", label: "Value", numeric: true }
    ],
    rows: tiles.map((t) => [t.label === "Response rate" ? "Response rate (%)" : t.label, t.value]),
    notes: []
  };
  return {
    version: planVersion,
    kind: "tiles",
    domId: request.domId,
    alt: request.alt,
    summary: `Headline figures: ${tiles.map((t) => `${t.label.toLowerCase()} ${t.text}`).join(", ")}.`,
    spec,
    basemap: null,
    table,
    csv: toCsv(table),
    sourceNote: sourceNote({ survey, question: void 0, n: survey.respondents, base: "respondents", language }),
    notes
  };
}

// pipeline/stages/charts/svg-a11y.ts
function escapeXml(text3) {
  return text3.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
var rootOpen = /^\s*<svg\b([^>]*)>/;
function finishSvg(svg, labels) {
  const open = rootOpen.exec(svg);
  const close = svg.lastIndexOf("</svg>");
  if (!open || close < 0) throw new Error("Vega did not return an <svg> element");
  let inner = svg.slice(open[0].length, close);
  inner = inner.replace(/<script\b[\s\S]*?<\/script\s*>/gi, "").replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, "").replace(/\s(?:on[a-z]+|role|aria-[a-z]+)="[^"]*"/gi, "").replace(/\s(?:xlink:)?href="\s*javascript:[^"]*"/gi, "");
  inner = renameIds(inner, labels.domId);
  inner = inner.replace(/\sd="([^"]*)"/g, (_m, d) => ` d="${roundPath(d)}"`);
  const rootAttrs = open[1].replace(/\s(?:on[a-z]+|role|aria-[a-z]+|id)="[^"]*"/gi, "").trim();
  const titleId = `${labels.domId}-title`;
  const descId = `${labels.domId}-desc`;
  return `<svg ${rootAttrs} role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(labels.title)}</title><desc id="${descId}">${escapeXml(labels.desc)}</desc><g aria-hidden="true">${inner}</g></svg>`;
}
function renameIds(svg, prefix2) {
  const map = /* @__PURE__ */ new Map();
  const defined = svg.replace(/\sid="([^"]*)"/g, (_m, id) => {
    let next = map.get(id);
    if (next === void 0) {
      next = `${prefix2}-${map.size + 1}`;
      map.set(id, next);
    }
    return ` id="${next}"`;
  });
  return defined.replace(/url\(#([^)]+)\)/g, (m, id) => {
    const next = map.get(id);
    return next === void 0 ? m : `url(#${next})`;
  }).replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (m, attr, id) => {
    const next = map.get(id);
    return next === void 0 ? m : `${attr}#${next}"`;
  });
}
function roundPath(d) {
  return d.replace(/-?\d*\.\d+(?:e-?\d+)?/gi, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

// pipeline/stages/charts/index.ts
var domIdPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
function planChart(request, ctx) {
  if (!domIdPattern.test(request.domId)) throw new TypeError(`planChart: domId "${request.domId}" is not a valid id`);
  if (request.alt.trim() === "") return fail("chart-alt", 'The chart has no alt text; add alt="\u2026" describing what it shows');
  const chosen = choose(request, ctx.bundle);
  if (!chosen.ok) return chosen;
  const c = chosen.choice;
  switch (c.source) {
    case "spec":
      return planCustom(request, ctx);
    case "map":
      return { ok: true, plan: planMap(request, c.survey, ctx.bundle, ctx.language) };
    case "tiles":
      return { ok: true, plan: planTiles(request, c.survey, ctx.language) };
    case "question":
      return planQuestion(request, c.survey, c.question, c.by, c.compare, ctx.bundle, ctx.language);
  }
}
async function renderChart(plan) {
  const raw = await renderSvg(plan.spec, { basemap: plan.basemap });
  const svg = finishSvg(raw, { domId: plan.domId, title: plan.alt, desc: `${plan.alt} ${plan.summary}` });
  return { kind: plan.kind, svg, table: plan.table, csv: plan.csv, sourceNote: plan.sourceNote, notes: plan.notes };
}

// pipeline/cache/charts.ts
function chartRenderer(store) {
  if (!store) return renderChart;
  return async (plan) => {
    const key = sha256("chart", encode(plan));
    const hit = await store.get("chart", key);
    if (hit) return hit;
    const rendered = await renderChart(plan);
    store.set("chart", key, rendered);
    return rendered;
  };
}

// pipeline/config/load-edition.ts
import { VFile as VFile3 } from "vfile";

// pipeline/config/schema.ts
import { z as z2 } from "zod";
var editionSchema = z2.object({
  title: z2.string().min(1),
  subtitle: z2.string().min(1).optional(),
  year: z2.number().int().min(1900).max(2999),
  slug: z2.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single dashes").optional(),
  publisher: z2.string().min(1),
  language: z2.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "use a BCP 47 language tag such as en or fr"),
  baseUrl: z2.string().url("use an absolute URL such as https://monitor.example.org/2026/").refine((u) => /^https?:\/\//.test(u), "use an http or https URL"),
  licence: z2.string().min(1),
  isbn: z2.union([z2.string(), z2.number()]).transform(String).refine((s) => /^(97[89])?[0-9-]{9,16}[0-9X]$/.test(s.replace(/\s/g, "")), "not an ISBN").optional(),
  contact: z2.string().email("use an e-mail address for readers\u2019 feedback"),
  keywords: z2.array(z2.string().min(1)).optional(),
  description: z2.string().min(1).optional(),
  sampleData: z2.boolean().optional(),
  survey: z2.object({
    minBase: z2.number().int().min(1).max(1e4).optional(),
    default: z2.string().min(1).optional()
  }).strict().optional(),
  chapters: z2.array(z2.string().regex(/^[^/\\]+\.md$/, "name a Markdown file in chapters/, e.g. housing.md")).min(1)
}).strict();

// pipeline/config/load-edition.ts
var DEFAULT_MIN_BASE = 30;
function loadEdition(source) {
  const file = new VFile3({ path: "edition.yaml", value: source ? new TextDecoder().decode(source.bytes) : "" });
  if (!source) {
    report(file, "edition-missing", "No edition.yaml found at the edition root", void 0);
    return { config: void 0, file, yaml: void 0 };
  }
  const yaml = new YamlSource(String(file.value));
  const syntax = yaml.syntaxErrors();
  for (const e of syntax) report(file, "edition-yaml", e.message, e.position);
  if (syntax.length > 0) return { config: void 0, file, yaml };
  const parsed = editionSchema.safeParse(yaml.value() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          report(file, "edition-unknown-field", `Unknown field \`${key}\` in edition.yaml`, yaml.positionOf([...issue.path, key], { key: true }));
        }
        continue;
      }
      report(file, "edition-field", describeIssue(issue), yaml.positionOf(issue.path));
    }
    if (parsed.error.issues.some((i) => i.code !== "unrecognized_keys")) return { config: void 0, file, yaml };
  }
  const strictless = editionSchema.strip().safeParse(yaml.value());
  if (!strictless.success) return { config: void 0, file, yaml };
  const input = strictless.data;
  const seen = /* @__PURE__ */ new Map();
  input.chapters.forEach((name, i) => {
    if (seen.has(name)) report(file, "chapter-duplicate", `Chapter \`${name}\` is listed twice`, yaml.positionOf(["chapters", i]));
    seen.set(name, i);
  });
  const config = Object.freeze({
    title: input.title,
    subtitle: input.subtitle,
    year: input.year,
    slug: input.slug ?? slugify(input.title),
    publisher: input.publisher,
    language: input.language,
    baseUrl: input.baseUrl.endsWith("/") ? input.baseUrl : `${input.baseUrl}/`,
    licence: input.licence,
    isbn: input.isbn,
    contact: input.contact,
    keywords: Object.freeze([...input.keywords ?? []]),
    description: input.description ?? input.subtitle ?? input.title,
    sampleData: input.sampleData ?? false,
    survey: Object.freeze({ minBase: input.survey?.minBase ?? DEFAULT_MIN_BASE, default: input.survey?.default }),
    chapters: Object.freeze([...new Set(input.chapters)])
  });
  return { config, file, yaml };
}
function slugify(text3) {
  return text3.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/Ł/g, "L").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

// pipeline/stages/assemble/accessibility-statement.ts
import { h } from "hastscript";
import { toString as toString4 } from "hast-util-to-string";
var accessibilityStatementSource = "generated/accessibility-statement";
var WORDS_PER_MINUTE = 230;
function accessibilityStatement(input) {
  const { config, chapters } = input;
  const taken = new Set(chapters.map((c) => c.slug));
  const slug = taken.has("accessibility") ? "accessibility-statement" : "accessibility";
  const id = (name) => `${slug}--${name}`;
  const figures = chapters.flatMap((c) => c.figures);
  const date = new Intl.DateTimeFormat([config.language, "en"], { dateStyle: "long", timeZone: "UTC" }).format(input.buildDate);
  const skips = headingSkips(input.files, chapters);
  const sections = [
    [
      id("status"),
      "Conformance status",
      [
        h("p", [
          `The web and PDF editions of the ${config.title} aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, `,
          "the level that the European standard EN 301 549 and the Web Accessibility Directive (EU) 2016/2102 require for web pages and downloadable documents. ",
          "The PDF edition also aims at PDF/UA-1 (ISO 14289-1)."
        ]),
        h("p", "The editions are partially conformant: the limitations listed below are known and not yet resolved.")
      ]
    ],
    [
      id("checks"),
      "How the editions are checked",
      [
        h("ul", [
          h("li", "Every page of the web edition is checked in a headless Chromium browser with axe-core against the WCAG 2.0 and 2.1 rules of levels A and AA, together with tests for keyboard use, focus visibility, landmarks, heading order, language of parts and reduced motion."),
          h("li", "The PDF edition is checked with the publishing pipeline\u2019s audit (monitor audit) against the machine-checkable conditions of PDF/UA-1 in the Matterhorn Protocol: tagging, document language, title, alternative text of figures, heading levels, table headers and bookmarks."),
          h(
            "li",
            figures.length === 0 ? "This edition has no charts." : `All ${figures.length} charts in this edition have a text alternative written by their authors, a source note with the question wording, base and number of respondents, and their data as a table and a CSV file.`
          )
        ]),
        h("p", "Automated checks find only part of the barriers people meet. No review by people with disabilities or by accessibility experts is recorded for this edition.")
      ]
    ],
    [
      id("limitations"),
      "Known limitations",
      [
        h("ul", [
          h("li", "Charts are images with one text alternative each; the bars, dots and labels inside them are hidden from assistive technology. Their exact values are in the data table below each chart on the web and in its CSV download."),
          h("li", "The PDF edition does not repeat the data tables of the charts; it gives the address of each chart\u2019s CSV file in the web edition instead."),
          h("li", "In the PDF edition, the running headers and page numbers are printed outside the document\u2019s tags and are not marked as artifacts: the browser engine that prints the PDF (Chromium) does not allow it. Screen readers usually skip them, but some PDF checkers report them as untagged content."),
          ...skips.map((title) => h("li", `In \u201C${title}\u201D, a heading skips a level, which makes the outline harder to follow with a screen reader.`))
        ])
      ]
    ],
    [
      id("feedback"),
      "Feedback and contact",
      [
        h("p", [
          "If you meet a barrier in either edition, or need its content in another format, write to ",
          h("a", { href: `mailto:${config.contact}` }, config.contact),
          ". Say which page or chapter you were reading and what went wrong."
        ])
      ]
    ],
    [id("date"), "Date of this statement", [h("p", `This statement was generated with the edition on ${date}, the date of its build.`)]]
  ];
  const children = sections.flatMap(([hid, title, body]) => [h("h2", { id: hid }, title), ...body]);
  const content = { type: "root", children };
  const headings = sections.map(([hid, title]) => ({ id: hid, depth: 2, text: title }));
  const wordCount = toString4(content).split(/\s+/).filter(Boolean).length;
  return {
    sourcePath: accessibilityStatementSource,
    slug,
    number: chapters.length + 1,
    frontMatter: {
      title: "Accessibility statement",
      kind: "annex",
      summary: `How accessible the ${config.title} is, what is known not to work, and how to tell us about a barrier.`,
      authors: [],
      audience: "public",
      slug,
      lang: void 0,
      caseStudy: void 0
    },
    content,
    headings,
    figures: [],
    tables: [],
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
  };
}
function headingSkips(files, chapters) {
  const bySource = new Map(chapters.map((c) => [c.sourcePath, c.frontMatter.title]));
  const out = [];
  for (const file of files) {
    if (!file.messages.some((m) => m.ruleId === "heading-skip")) continue;
    const title = [...bySource].find(([source]) => file.path === source || file.path.endsWith(`/${source}`))?.[1];
    if (title !== void 0 && !out.includes(title)) out.push(title);
  }
  return out;
}

// pipeline/stages/assemble/charts.ts
async function buildFigures(charts, inputs, draw, drawChart = renderChart) {
  const figures = /* @__PURE__ */ new Map();
  const jobs = [];
  for (const chart of charts) {
    const { directive, file } = chart;
    const attrs = directive.attributes;
    const alt = (attrs["alt"] ?? "").trim();
    let ok = true;
    if (!directive.caption) {
      report(file, "chart-caption", "The chart has no caption", directive.position);
      ok = false;
    }
    if (!alt) {
      report(file, "chart-alt", "The chart has no alt text", directive.position);
      ok = false;
    } else if (alt === directive.caption) {
      report(file, "chart-alt", "The alt text repeats the caption; describe what the chart shows instead", directive.position);
      ok = false;
    }
    if (!attrs["question"] && !attrs["type"] && !attrs["spec"]) {
      report(file, "chart-source", "The chart names no question, type or spec", directive.position);
      continue;
    }
    if (!ok) continue;
    const planned = planChart(
      {
        domId: directive.id,
        caption: directive.caption,
        alt,
        question: attrs["question"],
        survey: attrs["survey"],
        by: attrs["by"],
        compare: attrs["compare"],
        type: attrs["type"],
        spec: attrs["spec"]
      },
      { bundle: inputs.bundle, language: inputs.language, customSpecs: inputs.customSpecs }
    );
    if (!planned.ok) {
      report(file, planned.rule, planned.reason, directive.position);
      continue;
    }
    if (!draw) continue;
    jobs.push(
      drawChart(planned.plan).then(
        (rendered) => {
          figures.set(directive.id, {
            ...rendered,
            id: directive.id,
            number: chart.number,
            caption: directive.caption,
            alt,
            chapterSlug: chart.chapterSlug,
            csvName: `figure-${chart.number.replace(".", "-")}.csv`,
            audience: attrs["audience"] === "members" ? "members" : "public"
          });
        },
        (error) => {
          report(file, "chart-render", `The chart could not be drawn: ${error.message}`, directive.position);
        }
      )
    );
  }
  await Promise.all(jobs);
  return figures;
}

// pipeline/stages/assemble/generated-blocks.ts
import { h as h2 } from "hastscript";
function generatedBlock(bundle, name, attributes, language) {
  if (name !== "respondents" && name !== "questionnaire") return void 0;
  const id = attributes["survey"] ?? bundle.defaultSurvey;
  const survey = id ? bundle.surveys.get(id) : void 0;
  if (!survey) return { ok: false, reason: id ? `No survey \`${id}\` in data/` : "No survey in data/; add a codebook or name one with survey=\u2026" };
  return { ok: true, value: name === "respondents" ? respondents2(bundle, survey, language) : questionnaire(survey) };
}
function respondents2(bundle, survey, language) {
  const countries = new Intl.DisplayNames([language, "en"], { type: "region" });
  const named = [];
  let anonymous = 0;
  survey.data.cityCodes.forEach((code2, row) => {
    const city = bundle.citiesByCode.get(code2);
    if (!city || survey.data.consent[row] !== 1) {
      anonymous += 1;
      return;
    }
    named.push({ name: city.name, country: countries.of(city.country) ?? city.country, region: city.region });
  });
  const collator = new Intl.Collator(language);
  named.sort((a, b) => collator.compare(a.country, b.country) || collator.compare(a.name, b.name));
  return h2("div", [
    h2("table", { className: ["data-table"] }, [
      h2("thead", [h2("tr", [h2("th", { scope: "col" }, "City"), h2("th", { scope: "col" }, "Country"), h2("th", { scope: "col" }, "Region")])]),
      h2("tbody", named.map((c) => h2("tr", [h2("td", c.name), h2("td", c.country), h2("td", c.region)])))
    ]),
    h2(
      "p",
      `${survey.respondents} cities in ${survey.countries} countries responded to the ${survey.shortTitle}. ${named.length} agreed to be named; ${anonymous} asked to remain anonymous and are not listed.`
    )
  ]);
}
function questionnaire(survey) {
  return h2(
    "ol",
    survey.questions.map(
      (q) => h2("li", [
        h2("p", [h2("strong", `${q.id}. `), q.wording]),
        h2("p", [h2("em", typeLabel(q.type, q.unit))]),
        q.options.length > 0 ? h2("ul", q.options.map((o) => h2("li", `${o.code}: ${o.label}`))) : "",
        q.bands.length > 0 ? h2("ul", q.bands.map((b) => h2("li", `${b.min}\u2013${b.max}: ${b.label}`))) : ""
      ])
    )
  );
}
function typeLabel(type, unit) {
  switch (type) {
    case "single":
      return "One answer.";
    case "multi":
      return "Multiple answers possible.";
    case "scale_0_10":
      return "Scale from 0 to 10.";
    case "likert":
      return "Five-point scale.";
    case "numeric":
      return `Number${unit ? ` (${unit})` : ""}.`;
    case "ranking":
      return "Ranked answers (open text, coded afterwards).";
    default:
      return "Open answer (not published).";
  }
}

// pipeline/compile.ts
init_labels();

// pipeline/stages/survey/number-format.ts
function locale(language) {
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : "en";
  } catch {
    return "en";
  }
}
function formatPercent(pct2, language, decimals = 0) {
  return new Intl.NumberFormat(locale(language), {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  }).format(pct2 / 100);
}
function formatNumber(value, language, decimals = 0) {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  }).format(value);
}

// pipeline/stages/survey/rounding.ts
function roundShares(values, decimals = 0) {
  const scale = 10 ** decimals;
  const scaled = values.map((v) => v * scale);
  const floors = scaled.map((v) => Math.floor(v));
  const target = Math.round(scaled.reduce((s, v) => s + v, 0));
  let missing2 = target - floors.reduce((s, v) => s + v, 0);
  const order2 = scaled.map((v, i) => ({ i, remainder: v - floors[i], v })).sort((a, b) => b.remainder - a.remainder || b.v - a.v || a.i - b.i);
  for (let k = 0; missing2 > 0 && order2.length > 0; k = (k + 1) % order2.length, missing2--) floors[order2[k].i]++;
  return floors.map((f) => f / scale);
}

// pipeline/stages/survey/stat.ts
var known = /* @__PURE__ */ new Set(["question", "option", "value", "survey", "edition", "id", "class"]);
var surveyValues = ["respondents", "countries", "response-rate"];
var questionValues = ["n", "median", "min", "max", "mean"];
function resolveStat(bundle, attrs, language) {
  const fail2 = (reason) => ({ ok: false, reason });
  const unknown = Object.keys(attrs).filter((k) => !known.has(k));
  if (unknown.length > 0) return fail2(`unknown attribute ${unknown.join(", ")}; use question, option, value, survey, edition`);
  const surveyId = attrs.survey ?? bundle.defaultSurvey;
  if (surveyId === void 0) return fail2("no survey named and no survey.default in edition.yaml; add survey=<id>");
  const survey = bundle.surveys.get(surveyId);
  if (!survey) return fail2(`survey "${surveyId}" is not in data/ (surveys: ${[...bundle.surveys.keys()].join(", ") || "none"})`);
  const edition = attrs.edition ?? "current";
  if (edition !== "current" && edition !== "previous") return fail2(`edition="${edition}": use edition=previous or leave it out`);
  const { question: qid, option: option2, value } = attrs;
  if (option2 !== void 0 && value !== void 0) return fail2("give either option or value, not both");
  if (qid === void 0) {
    if (option2 !== void 0) return fail2("option needs question=\u2026");
    if (value === void 0) return fail2(`give question=\u2026 and option=\u2026, or value=${surveyValues.join("|")}`);
    return surveyStat(survey, value === "n" ? "respondents" : value, edition === "previous", language);
  }
  const question = survey.questionsById.get(qid);
  if (!question) return fail2(`question ${qid} is not in the codebook of ${survey.id}`);
  if (!question.published) return fail2(`${qid} is an open question; its answers are never published`);
  if (edition === "previous") return previousStat(survey, question, option2, value, bundle.minBase, language);
  const aggregate = aggregateQuestion(survey, question, bundle.citiesByCode, bundle.minBase);
  if (value !== void 0) return valueStat(question, aggregate, value, bundle.minBase, language);
  if (option2 === void 0) return fail2(`give option=\u2026 (a code of ${qid}) or value=${questionValues.join("|")}`);
  if (aggregate.suppressed) return fail2(`the base of ${qid} is below ${bundle.minBase} (n = ${aggregate.n}); its percentages are not printed`);
  const pct2 = shareOf(survey, question, aggregate, option2.split(",").map((s) => s.trim()));
  if (typeof pct2 === "string") return fail2(pct2);
  return { ok: true, text: formatPercent(pct2, language) };
}
function surveyStat(survey, value, previous, language) {
  if (previous) {
    if (!survey.previous) return { ok: false, reason: `${survey.id} has no previous edition figures` };
    if (value === "respondents") return { ok: true, text: formatNumber(survey.previous.respondents, language) };
    return { ok: false, reason: `value=${value} is not available for the previous edition; only respondents` };
  }
  if (value === "respondents") return { ok: true, text: formatNumber(survey.respondents, language) };
  if (value === "countries") return { ok: true, text: formatNumber(survey.countries, language) };
  if (value === "response-rate") {
    if (survey.populationSize === void 0) return { ok: false, reason: `the codebook of ${survey.id} has no populationSize, so no response rate` };
    return { ok: true, text: formatPercent(100 * survey.respondents / survey.populationSize, language) };
  }
  return { ok: false, reason: `value="${value}" without a question: use ${surveyValues.join(", ")}` };
}
function valueStat(question, aggregate, value, minBase, language) {
  if (value === "n") return { ok: true, text: formatNumber(aggregate.n, language) };
  if (!questionValues.includes(value)) return { ok: false, reason: `value="${value}": use ${questionValues.join(", ")}` };
  if (aggregate.kind !== "numeric") return { ok: false, reason: `value=${value} needs a numeric question; ${question.id} is ${question.type}` };
  if (aggregate.suppressed) return { ok: false, reason: `the base of ${question.id} is below ${minBase} (n = ${aggregate.n})` };
  const v = aggregate[value];
  if (v === null) return { ok: false, reason: `${question.id} has no answers` };
  return { ok: true, text: formatNumber(v, language, question.decimals) };
}
function shareOf(survey, question, aggregate, codes2) {
  const unknownCode = (c, list) => `${question.id} has no option ${c} (use ${list.join(", ")})`;
  switch (aggregate.kind) {
    case "categorical":
    case "scale": {
      const segments = aggregate.base === "all" ? [...aggregate.shares, ...aggregate.missing] : aggregate.shares;
      const rounded = roundShares(segments.map((s) => s.pct ?? 0));
      let total = 0;
      for (const c of codes2) {
        const i = segments.findIndex((s) => s.code === c);
        const m = aggregate.missing.find((s) => s.code === c);
        if (i >= 0) total += rounded[i];
        else if (m) total += m.pct ?? 0;
        else return unknownCode(c, [...aggregate.shares.map((s) => s.code), ...question.missing.map((s) => String(s.code))]);
      }
      return total;
    }
    case "multi":
    case "ranking": {
      const list = aggregate.shares.map((s) => s.code);
      for (const c of codes2) if (!list.includes(c)) return unknownCode(c, list);
      if (codes2.length === 1) {
        const s = aggregate.shares.find((x2) => x2.code === codes2[0]);
        return (s && ("topPct" in s ? s.topPct : s.pct)) ?? 0;
      }
      return anyOf(survey, question, codes2.map(Number), aggregate.n);
    }
    default:
      return `option= needs a closed question with options; ${question.id} is ${question.type} (use value=median, min, max or n)`;
  }
}
function anyOf(survey, question, codes2, n) {
  const columns = question.columns.map((c) => survey.data.columns.get(c));
  const wanted = question.type === "multi" ? question.options.flatMap((o, i) => codes2.includes(o.code) ? [i] : []) : [];
  let count2 = 0;
  for (let r = 0; r < survey.data.rows; r++) {
    const hit = question.type === "multi" ? wanted.some((i) => columns[i]?.[r] === 1) : columns.some((col) => col !== void 0 && codes2.includes(col[r]));
    if (hit) count2++;
  }
  return n === 0 ? 0 : 100 * count2 / n;
}
function previousStat(survey, question, option2, value, minBase, language) {
  const before = survey.previous?.questions.get(question.id);
  if (!before) return { ok: false, reason: `${survey.id} has no previous edition figures for ${question.id}` };
  if (value === "n") return { ok: true, text: formatNumber(before.n, language) };
  if (value !== void 0) return { ok: false, reason: `value=${value} is not available for the previous edition; use value=n or option=\u2026` };
  if (option2 === void 0) return { ok: false, reason: "give option=\u2026 with edition=previous" };
  if (before.n < minBase) return { ok: false, reason: `the previous base of ${question.id} is below ${minBase} (n = ${before.n})` };
  let total = 0;
  for (const c of option2.split(",").map((s) => s.trim())) {
    const v = before.shares.get(c);
    if (v === void 0) return { ok: false, reason: `the previous edition has no figure for ${question.id} option ${c} (has ${[...before.shares.keys()].join(", ")})` };
    total += v;
  }
  return { ok: true, text: formatPercent(total, language) };
}

// pipeline/stages/survey/load.ts
import { VFile as VFile4 } from "vfile";

// pipeline/stages/survey/csv.ts
import Papa from "papaparse";
var LineIndex = class {
  constructor(text3) {
    this.text = text3;
    for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  point(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
};
function cellOffsets(text3, start, delimiter) {
  const offsets = [start];
  let i = start;
  let quoted = false;
  let cellStart = true;
  for (; i < text3.length; i++) {
    const ch = text3[i];
    if (quoted) {
      if (ch === '"') {
        if (text3[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      continue;
    }
    if (ch === "\n" || ch === "\r") break;
    if (text3.startsWith(delimiter, i)) {
      i += delimiter.length - 1;
      offsets.push(i + 1);
      cellStart = true;
      continue;
    }
    cellStart = false;
  }
  return offsets;
}
function readCsv(text3, delimiter, onRow, onProblem) {
  const lines = new LineIndex(text3);
  let rowStart = 0;
  Papa.parse(text3, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result) {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const cells = result.data;
      let broken = false;
      for (const error of result.errors) {
        if (error.type !== "Quotes") continue;
        broken = true;
        const at = typeof error.index === "number" ? cellContaining(text3, start, delimiter, error.index) : start;
        onProblem({ kind: "parse", reason: quoteReason(error.code), place: lines.point(at) });
      }
      if (cells.length === 1 && cells[0] === "") return;
      let offsets;
      const line = lines.point(start).line;
      onRow({
        cells,
        line,
        broken,
        cellPlace(index) {
          offsets ??= cellOffsets(text3, start, delimiter);
          return lines.point(offsets[Math.min(index, offsets.length - 1)] ?? start);
        }
      });
    }
  });
}
function cellContaining(text3, start, delimiter, index) {
  const offsets = cellOffsets(text3, start, delimiter);
  let best = start;
  for (const o of offsets) if (o <= index) best = o;
  return best;
}
function quoteReason(code2) {
  if (code2 === "MissingQuotes") return "A quoted cell is never closed: the quote opened here has no closing quote";
  if (code2 === "InvalidQuotes") return 'Malformed quotes: a quoted cell must end with a quote right before the separator or line end (write "" for a quote inside)';
  return "Malformed quotes in this cell";
}

// pipeline/stages/survey/format.ts
import { z as z3 } from "zod";

// pipeline/stages/survey/decode.ts
var bom = [239, 187, 191];
function hasBom(bytes) {
  return bytes[0] === bom[0] && bytes[1] === bom[1] && bytes[2] === bom[2];
}
function normaliseEncoding(raw) {
  const s = raw.trim().toLowerCase().replace(/_/g, "-");
  const aliases = {
    "utf-8": "utf-8",
    utf8: "utf-8",
    "utf-8-bom": "utf-8",
    "utf-8-sig": "utf-8",
    "windows-1250": "windows-1250",
    cp1250: "windows-1250",
    "cp-1250": "windows-1250",
    "windows-1252": "windows-1252",
    cp1252: "windows-1252",
    "cp-1252": "windows-1252",
    "iso-8859-1": "iso-8859-1",
    latin1: "iso-8859-1",
    "latin-1": "iso-8859-1",
    "iso-8859-2": "iso-8859-2",
    latin2: "iso-8859-2",
    "latin-2": "iso-8859-2",
    "iso-8859-15": "iso-8859-15",
    latin9: "iso-8859-15"
  };
  return aliases[s];
}
function decodeBytes(bytes, encoding) {
  if (hasBom(bytes)) return decodeUtf82(bytes.subarray(3), 3, bytes);
  if (encoding === void 0 || encoding === "utf-8") return decodeUtf82(bytes, 0, bytes);
  const text3 = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text: stripBomChar(text3) };
}
function stripBomChar(text3) {
  return text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3;
}
function decodeUtf82(body, skipped, all) {
  try {
    return { ok: true, text: stripBomChar(new TextDecoder("utf-8", { fatal: true }).decode(body)) };
  } catch {
    const bad = firstInvalidUtf8(body) + skipped;
    const place = bytePlace(all, bad, skipped);
    const hex = (all[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      reason: `File is not valid UTF-8: byte 0x${hex} at ${place.line}:${place.column}. It was probably saved by Excel in a Windows code page (windows-1250 for Central European, windows-1252 for Western European text)`,
      place
    };
  }
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let len;
    let lo = 128;
    let hi = 191;
    if (c < 128) {
      i++;
      continue;
    } else if (c >= 194 && c <= 223) len = 2;
    else if (c >= 224 && c <= 239) {
      len = 3;
      if (c === 224) lo = 160;
      if (c === 237) hi = 159;
    } else if (c >= 240 && c <= 244) {
      len = 4;
      if (c === 240) lo = 144;
      if (c === 244) hi = 143;
    } else return i;
    for (let k = 1; k < len; k++) {
      const d = b[i + k];
      const min = k === 1 ? lo : 128;
      const max = k === 1 ? hi : 191;
      if (d === void 0 || d < min || d > max) return i;
    }
    i += len;
  }
  return b.length;
}
function bytePlace(bytes, index, start) {
  let line = 1;
  let lineStart = start;
  for (let i = start; i < index; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix2 = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, index)).replace(/\r$/, "");
  return { line, column: prefix2.length + 1 };
}

// pipeline/stages/survey/format.ts
var formatSchema = z3.object({
  encoding: z3.string().refine((s) => normaliseEncoding(s) !== void 0, {
    message: "expected one of utf-8, windows-1250, windows-1252, iso-8859-1, iso-8859-2, iso-8859-15"
  }).optional(),
  delimiter: z3.enum([",", ";", "	", "tab", "comma", "semicolon"]).optional(),
  decimal: z3.enum([".", ",", "point", "comma"]).optional()
}).strict().refine((f) => !(delimiterOf(f.delimiter) === "," && decimalOf(f.decimal) === ","), {
  message: 'a comma cannot be both the separator and the decimal mark; Excel uses delimiter ";" with decimal ","',
  path: ["decimal"]
});
function delimiterOf(d) {
  if (d === void 0) return void 0;
  if (d === "tab" || d === "	") return "	";
  if (d === "semicolon" || d === ";") return ";";
  return ",";
}
function decimalOf(d) {
  if (d === void 0) return void 0;
  return d === "," || d === "comma" ? "," : ".";
}
function resolveFormat(declarations, text3) {
  let encoding;
  let delimiter;
  let decimal2;
  for (const d of declarations) {
    if (!d) continue;
    encoding = d.encoding ?? encoding;
    delimiter = d.delimiter ?? delimiter;
    decimal2 = d.decimal ?? decimal2;
  }
  const sep = delimiterOf(delimiter) ?? sniffDelimiter(text3);
  return {
    encoding: encoding === void 0 ? void 0 : normaliseEncoding(encoding),
    delimiter: sep,
    decimal: decimalOf(decimal2) ?? (sep === ";" ? "," : ".")
  };
}
function declaredEncoding(declarations) {
  let encoding;
  for (const d of declarations) encoding = d?.encoding ?? encoding;
  return encoding === void 0 ? void 0 : normaliseEncoding(encoding);
}
function sniffDelimiter(text3) {
  const end = text3.indexOf("\n");
  const header = end === -1 ? text3 : text3.slice(0, end);
  const count2 = (c) => header.split(c).length - 1;
  const semi = count2(";");
  const tab = count2("	");
  const comma = count2(",");
  if (semi > comma && semi >= tab) return ";";
  if (tab > comma) return "	";
  return ",";
}
function parseNumber(raw, decimal2) {
  const s = raw.trim();
  const pattern = decimal2 === "," ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (!pattern.test(s)) return void 0;
  return Number(decimal2 === "," ? s.replace(",", ".") : s);
}

// pipeline/stages/survey/table.ts
function readHeader(row) {
  const names = row.cells.map((c) => c.trim());
  const index = /* @__PURE__ */ new Map();
  const duplicates = [];
  names.forEach((name, i) => {
    if (index.has(name)) duplicates.push({ name, at: i });
    else index.set(name, i);
  });
  return { names, index, duplicates, row };
}

// pipeline/stages/survey/cities.ts
var cityColumns = ["code", "name", "ascii_name", "country", "region", "member_type", "lat", "lon", "population"];
var required = cityColumns.filter((c) => c !== "population");
function readCities(file, text3, format) {
  const cities = [];
  const seen = /* @__PURE__ */ new Map();
  let header;
  let usable = true;
  readCsv(
    text3,
    format.delimiter,
    (row) => {
      if (!header) {
        header = readHeader(row);
        for (const c of required) {
          if (!header.index.has(c)) {
            usable = false;
            report(file, "cities-field", `Column "${c}" is missing from the header (expected: ${cityColumns.join(", ")})`, row.cellPlace(0));
          }
        }
        return;
      }
      if (!usable || row.broken) return;
      if (row.cells.length !== header.names.length) {
        report(file, "csv-ragged", `Row has ${row.cells.length} cells, the header has ${header.names.length}`, row.cellPlace(0));
        return;
      }
      const h10 = header;
      const cell2 = (name2) => (row.cells[h10.index.get(name2) ?? -1] ?? "").trim();
      const fail2 = (name2, reason) => {
        report(file, "cities-field", reason, row.cellPlace(h10.index.get(name2) ?? 0));
        return void 0;
      };
      const code2 = cell2("code");
      if (!/^[A-Za-z0-9-]+$/.test(code2)) return void fail2("code", `code: "${code2}" is not a valid city code (letters, digits and dashes)`);
      const first = seen.get(code2);
      if (first !== void 0) return void fail2("code", `City code ${code2} is already used on line ${first}`);
      seen.set(code2, row.line);
      const name = cell2("name");
      const asciiName = cell2("ascii_name") || name;
      const country = cell2("country");
      const region = cell2("region");
      const memberType = cell2("member_type");
      const lat = parseNumber(cell2("lat"), format.decimal);
      const lon = parseNumber(cell2("lon"), format.decimal);
      const popText = h10.index.has("population") ? cell2("population") : "";
      const population = popText === "" ? void 0 : parseNumber(popText, format.decimal);
      let ok = true;
      const bad = (col, reason) => {
        ok = false;
        fail2(col, reason);
      };
      if (name === "") bad("name", "name: the city name is empty");
      if (!/^[\x20-\x7e]+$/.test(asciiName)) bad("ascii_name", `ascii_name: "${asciiName}" must use ASCII letters only, e.g. Lodz for \u0141\xF3d\u017A`);
      if (!countryNames.has(country)) bad("country", `country: "${country}" is not a two-letter ISO code in capitals, e.g. PL`);
      if (!regions.includes(region)) bad("region", `region: "${region}" is not one of ${regions.join(", ")}`);
      if (!memberTypes.includes(memberType)) bad("member_type", `member_type: "${memberType}" is not one of ${memberTypes.join(", ")}`);
      if (lat === void 0 || lat < -90 || lat > 90) bad("lat", `lat: "${cell2("lat")}" is not a latitude in degrees`);
      if (lon === void 0 || lon < -180 || lon > 180) bad("lon", `lon: "${cell2("lon")}" is not a longitude in degrees`);
      if (popText !== "" && (population === void 0 || population < 0 || !Number.isInteger(population))) {
        bad("population", `population: "${popText}" is not a whole number of inhabitants`);
      }
      if (!ok || lat === void 0 || lon === void 0) return;
      cities.push({
        code: code2,
        name,
        asciiName,
        country,
        region,
        memberType,
        lat,
        lon,
        population
      });
    },
    (problem) => report(file, "csv-parse", problem.reason, problem.place)
  );
  return cities;
}

// pipeline/stages/survey/codebook-schema.ts
import { z as z4 } from "zod";
var isoDate = z4.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD");
var text2 = z4.string().trim().min(1, "expected text");
var code = z4.number({ invalid_type_error: "expected a whole-number code" }).int("expected a whole-number code");
var option = z4.object({ code, label: text2 }).strict();
var band = z4.object({
  key: z4.string().regex(/^[a-z][a-z0-9-]*$/, "expected a short key in lower case, e.g. high"),
  label: text2,
  min: z4.number().int().min(0).max(10),
  max: z4.number().int().min(0).max(10)
}).strict();
var missing = z4.object({ code, label: text2, kind: z4.enum(["dont-know", "no-answer"]) }).strict();
var questionSchema = z4.object({
  id: z4.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "expected an id of letters and digits, e.g. Q05"),
  type: z4.enum(questionTypes),
  wording: text2,
  options: z4.array(option).default([]),
  bands: z4.array(band).default([]),
  missing: z4.array(missing).default([]),
  base: z4.enum(["all", "valid"]).default("valid"),
  columns: z4.array(text2).min(1).optional(),
  unit: text2.optional(),
  min: z4.number().optional(),
  max: z4.number().optional(),
  decimals: z4.number().int().min(0).max(6).default(0),
  ranks: z4.number().int().min(1).max(10).optional()
}).strict().superRefine((q, ctx) => {
  const issue = (message, path9) => ctx.addIssue({ code: "custom", message, path: path9 });
  const needsOptions = q.type === "single" || q.type === "likert" || q.type === "multi" || q.type === "ranking";
  if (needsOptions && q.options.length < 2) issue(`a ${q.type} question needs at least two options`, ["options"]);
  if (!needsOptions && q.options.length > 0) issue(`a ${q.type} question has no options`, ["options"]);
  if (q.type === "scale_0_10") checkBands(q.bands, issue);
  else if (q.bands.length > 0) issue("only scale_0_10 questions have bands", ["bands"]);
  if (q.type === "numeric") {
    if (q.min === void 0) issue("a numeric question needs min", ["min"]);
    if (q.max === void 0) issue("a numeric question needs max", ["max"]);
    if (q.min !== void 0 && q.max !== void 0 && q.min > q.max) issue("min is greater than max", ["min"]);
    if (q.missing.length > 0) issue("numeric questions have no missing codes: leave the cell empty for no answer", ["missing"]);
  }
  if (q.type === "multi" && q.missing.length > 0) issue("multi questions have no missing codes: use 1 (chosen), 0 (not chosen) or an empty cell", ["missing"]);
  const seen = /* @__PURE__ */ new Map();
  q.options.forEach((o, i) => {
    if (seen.has(o.code)) issue(`option code ${o.code} is used twice`, ["options", i, "code"]);
    seen.set(o.code, "option");
  });
  q.missing.forEach((m, i) => {
    if (seen.has(m.code)) issue(`code ${m.code} is both an answer and a missing code`, ["missing", i, "code"]);
    if (q.type === "scale_0_10" && m.code >= 0 && m.code <= 10) issue(`missing code ${m.code} clashes with the scale 0\u201310`, ["missing", i, "code"]);
    seen.set(m.code, "missing");
  });
  if (q.columns && q.type === "multi" && q.columns.length !== q.options.length) {
    issue(`expected one column per option (${q.options.length})`, ["columns"]);
  }
  if (q.columns && q.ranks !== void 0 && q.columns.length !== q.ranks) issue(`expected one column per rank (${q.ranks})`, ["columns"]);
  if (q.columns && q.type !== "multi" && q.type !== "ranking" && q.columns.length !== 1) issue("expected exactly one column", ["columns"]);
  if (q.ranks !== void 0 && q.type !== "ranking") issue("only ranking questions have ranks", ["ranks"]);
});
function checkBands(bands, issue) {
  if (bands.length === 0) {
    issue("a scale_0_10 question needs bands covering 0 to 10, e.g. {key: low, label: Low, min: 0, max: 4}", ["bands"]);
    return;
  }
  const owner = new Array(11).fill(void 0);
  bands.forEach((b, i) => {
    if (b.min > b.max) issue("min is greater than max", ["bands", i, "min"]);
    for (let v = b.min; v <= b.max; v++) {
      if (owner[v] !== void 0) issue(`score ${v} is in two bands (${owner[v]} and ${b.key})`, ["bands", i]);
      owner[v] = b.key;
    }
  });
  const gaps = owner.flatMap((k, v) => k === void 0 ? [v] : []);
  if (gaps.length > 0) issue(`bands leave scores ${gaps.join(", ")} uncovered`, ["bands"]);
}
var codebookSchema = z4.object({
  id: z4.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an id in lower case with dashes, e.g. pulse-2026"),
  title: text2,
  shortTitle: text2.optional(),
  synthetic: z4.boolean().default(false),
  fieldwork: z4.object({ start: isoDate, end: isoDate }).strict(),
  population: text2,
  populationSize: z4.number().int().positive().optional(),
  data: text2.optional(),
  previous: text2.optional(),
  file: formatSchema.optional(),
  idColumn: text2.default("city"),
  consentColumn: text2.default("consent"),
  consent: z4.object({ named: code, anonymous: code }).strict().default({ named: 1, anonymous: 2 }),
  ignoreColumns: z4.array(text2).default([]),
  questions: z4.array(questionSchema).min(1, "expected at least one question")
}).strict();

// pipeline/stages/survey/yaml-issues.ts
function reportIssues(file, source, issues, ruleId) {
  for (const issue of issues) {
    const path9 = issue.path;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const at = [...path9, key];
        report(file, ruleId, `${at.join(".")}: unknown field (check its spelling)`, source.positionOf(at, { key: true }));
      }
      continue;
    }
    const label = path9.length > 0 ? path9.join(".") : "document";
    report(file, ruleId, `${label}: ${issue.message}`, source.positionOf(path9));
  }
}
function parseYaml(file, text3, yamlRule) {
  const source = new YamlSource(text3);
  const errors = source.syntaxErrors();
  for (const e of errors) report(file, yamlRule, e.message, e.position);
  if (errors.length > 0) return void 0;
  return { source, value: source.value() };
}

// pipeline/stages/survey/codebook.ts
function codebookStem(path9) {
  return path9.replace(/^.*\//, "").replace(/\.codebook\.ya?ml$/, "");
}
function readCodebook(file, text3) {
  const parsed = parseYaml(file, text3, "codebook-yaml");
  if (!parsed) return void 0;
  const result = codebookSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    reportIssues(file, parsed.source, result.error.issues, "codebook-field");
    return void 0;
  }
  const input = result.data;
  const { source } = parsed;
  const path9 = file.path;
  const dir = path9.includes("/") ? path9.slice(0, path9.lastIndexOf("/") + 1) : "";
  let ok = true;
  const fail2 = (reason, at, key = false) => {
    ok = false;
    report(file, "codebook-field", reason, source.positionOf(at, { key }));
  };
  if (input.id !== codebookStem(path9)) {
    fail2(`id: "${input.id}" does not match the file name; name the file ${input.id}.codebook.yaml or change the id`, ["id"]);
  }
  if (input.fieldwork.end < input.fieldwork.start) fail2("fieldwork.end: the end is before the start", ["fieldwork", "end"]);
  const reserved = /* @__PURE__ */ new Set([input.idColumn, input.consentColumn, ...input.ignoreColumns]);
  const ids = /* @__PURE__ */ new Set();
  const columns = /* @__PURE__ */ new Map();
  const questions = input.questions.map((q, i) => {
    if (ids.has(q.id)) fail2(`questions.${i}.id: question ${q.id} is defined twice`, ["questions", i, "id"]);
    ids.add(q.id);
    const question = toQuestion(q);
    question.columns.forEach((c) => {
      const owner = reserved.has(c) ? "the id, consent or ignored columns" : columns.get(c);
      if (owner !== void 0) fail2(`questions.${i}: column ${c} is also used by ${owner}`, ["questions", i, q.columns ? "columns" : "id"]);
      columns.set(c, q.id);
    });
    return question;
  });
  if (!ok) return void 0;
  const { questions: _q, file: format, ...meta } = input;
  return {
    meta,
    shortTitle: input.shortTitle ?? input.title,
    questions,
    format,
    csvPath: dir + (input.data ?? `${input.id}.csv`),
    previousPath: input.previous === void 0 ? void 0 : dir + input.previous,
    source
  };
}
function toQuestion(q) {
  const ranks = q.type === "ranking" ? q.ranks ?? q.columns?.length ?? 3 : 0;
  const columns = q.columns ?? (q.type === "multi" ? q.options.map((o) => `${q.id}_${o.code}`) : q.type === "ranking" ? Array.from({ length: ranks }, (_, k) => `${q.id}_${k + 1}`) : [q.id]);
  return {
    id: q.id,
    wording: q.wording,
    type: q.type,
    options: q.options,
    bands: q.bands,
    missing: q.missing,
    base: q.base,
    columns,
    unit: q.unit,
    min: q.type === "scale_0_10" ? 0 : q.min,
    max: q.type === "scale_0_10" ? 10 : q.max,
    decimals: q.decimals,
    ranks,
    published: q.type !== "open"
  };
}

// pipeline/stages/survey/previous.ts
import { z as z5 } from "zod";
var pct = z5.number().min(0).max(100);
var questionSchema2 = z5.object({
  n: z5.number().int().positive().optional(),
  measure: z5.enum(["share", "respondents", "top-three", "first-choice"]).optional(),
  shares: z5.record(z5.string(), pct)
}).strict();
var previousSchema = z5.object({
  id: z5.string().min(1),
  title: z5.string().min(1),
  shortTitle: z5.string().min(1).optional(),
  synthetic: z5.boolean().default(false),
  respondents: z5.number().int().positive(),
  questions: z5.record(z5.string(), questionSchema2)
}).strict();
function measureOf(q) {
  if (q.type === "multi") return "respondents";
  if (q.type === "ranking") return "top-three";
  return "share";
}
function readPrevious(file, text3, questions) {
  const parsed = parseYaml(file, text3, "codebook-yaml");
  if (!parsed) return void 0;
  const result = previousSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    reportIssues(file, parsed.source, result.error.issues, "codebook-field");
    return void 0;
  }
  const input = result.data;
  const out = /* @__PURE__ */ new Map();
  let ok = true;
  for (const [id, q] of Object.entries(input.questions)) {
    const fail2 = (reason, path9) => {
      ok = false;
      report(file, "codebook-field", reason, parsed.source.positionOf(["questions", id, ...path9], { key: true }));
    };
    const question = questions.get(id);
    if (!question) {
      fail2(`questions.${id}: no question ${id} in this edition's codebook`, []);
      continue;
    }
    if (question.type === "numeric" || question.type === "open") {
      fail2(`questions.${id}: ${question.type} questions have no shares to compare`, []);
      continue;
    }
    const known2 = new Set(question.type === "scale_0_10" ? question.bands.map((b) => b.key) : question.options.map((o) => String(o.code)));
    for (const code2 of Object.keys(q.shares)) {
      if (!known2.has(code2)) fail2(`questions.${id}.shares.${code2}: not an option code or band key of ${id} (${[...known2].join(", ")})`, ["shares", code2]);
    }
    out.set(id, { n: q.n ?? input.respondents, measure: q.measure ?? measureOf(question), shares: new Map(Object.entries(q.shares)) });
  }
  if (!ok) return void 0;
  return { id: input.id, title: input.title, shortTitle: input.shortTitle ?? input.title, respondents: input.respondents, questions: out };
}

// pipeline/stages/survey/cells.ts
var blank = { ok: true, value: Number.NaN };
function typeCell(raw, question, column, format) {
  const s = raw.trim();
  if (s === "") return blank;
  if (question.type === "open") return { ok: true, value: 1 };
  const n = parseNumber(s, format.decimal);
  const where = `${column} (${question.id})`;
  if (n === void 0) {
    const hint = format.decimal === "," ? " with a decimal comma, e.g. 12,5" : " with a decimal point, e.g. 12.5";
    return { ok: false, ruleId: "csv-number", reason: `${where}: "${s}" is not a number${question.type === "numeric" ? hint : ""}` };
  }
  const missing2 = question.missing.some((m) => m.code === n);
  switch (question.type) {
    case "numeric": {
      const min = question.min ?? -Infinity;
      const max = question.max ?? Infinity;
      if (n < min || n > max) return { ok: false, ruleId: "csv-out-of-range", reason: `${where}: ${s} is outside ${min}\u2013${max}` };
      return { ok: true, value: n };
    }
    case "scale_0_10":
      if (missing2) return { ok: true, value: n };
      if (!Number.isInteger(n) || n < 0 || n > 10) {
        const codes2 = question.missing.map((m) => m.code).join(", ");
        return { ok: false, ruleId: "csv-out-of-range", reason: `${where}: ${s} is not a whole score from 0 to 10${codes2 ? ` or a missing code (${codes2})` : ""}` };
      }
      return { ok: true, value: n };
    case "multi":
      if (n !== 0 && n !== 1) return { ok: false, ruleId: "csv-code-unknown", reason: `${where}: ${s} is not 1 (chosen) or 0 (not chosen)` };
      return { ok: true, value: n };
    default:
      if (missing2 || question.options.some((o) => o.code === n)) return { ok: true, value: n };
      return {
        ok: false,
        ruleId: "csv-code-unknown",
        reason: `${where}: code ${s} is not in the codebook (codes: ${[...question.options, ...question.missing].map((o) => o.code).join(", ")})`
      };
  }
}

// pipeline/stages/survey/responses.ts
var perRuleLimit = 50;
function readResponses(file, text3, format, codebook, cities) {
  const capacity = countLines(text3);
  const { idColumn, consentColumn, consent: consentCodes, ignoreColumns } = codebook.meta;
  const emitted = /* @__PURE__ */ new Map();
  const overflow = /* @__PURE__ */ new Map();
  const problem = (ruleId, reason, place) => {
    const count2 = (emitted.get(ruleId) ?? 0) + 1;
    emitted.set(ruleId, count2);
    if (count2 <= perRuleLimit) report(file, ruleId, reason, place);
    else if (!overflow.has(ruleId)) overflow.set(ruleId, place);
  };
  let header;
  let columns = [];
  let idAt = -1;
  let consentAt = -1;
  const cityCodes = [];
  const consent = new Uint8Array(capacity);
  const firstLine = /* @__PURE__ */ new Map();
  const onHeader = (row) => {
    const h10 = readHeader(row);
    header = h10;
    for (const d of h10.duplicates) problem("csv-column-duplicate", `Column "${d.name}" appears more than once in the header`, row.cellPlace(d.at));
    const known2 = /* @__PURE__ */ new Set([idColumn, consentColumn, ...ignoreColumns]);
    for (const q of codebook.questions) for (const c of q.columns) known2.add(c);
    h10.names.forEach((name, i) => {
      if (!known2.has(name) && !h10.duplicates.some((d) => d.at === i)) {
        problem("csv-column-unknown", `Column "${name}" is not a column of any question in the codebook of ${codebook.meta.id}`, row.cellPlace(i));
      }
    });
    const need = (name, what) => {
      const at = h10.index.get(name);
      if (at === void 0) problem("csv-column-missing", `Column "${name}" (${what}) is missing from the header`, row.cellPlace(0));
      return at ?? -1;
    };
    idAt = need(idColumn, "city code");
    consentAt = need(consentColumn, "consent to be named");
    columns = codebook.questions.flatMap(
      (q) => q.columns.flatMap((name) => {
        const at = need(name, `question ${q.id}`);
        if (at < 0) return [];
        return [{ name, at, question: q, values: new Float64Array(capacity).fill(Number.NaN) }];
      })
    );
  };
  const onRow = (row) => {
    if (!header) return onHeader(row);
    if (row.broken || idAt < 0) return;
    const width2 = header.names.length;
    if (row.cells.length !== width2) {
      const at = Math.min(row.cells.length, width2);
      problem("csv-ragged", `Row has ${row.cells.length} cells, the header has ${width2}`, row.cellPlace(at));
      return;
    }
    const code2 = (row.cells[idAt] ?? "").trim();
    let keep = true;
    if (!cities.has(code2)) {
      keep = false;
      problem("csv-city-unknown", code2 === "" ? "The city code is empty" : `City code "${code2}" is not in data/cities.csv`, row.cellPlace(idAt));
    } else if (firstLine.has(code2)) {
      keep = false;
      problem("csv-city-duplicate", `City ${code2} already answered on line ${firstLine.get(code2)}`, row.cellPlace(idAt));
    } else firstLine.set(code2, row.line);
    const r = cityCodes.length;
    if (consentAt >= 0) {
      const raw = (row.cells[consentAt] ?? "").trim();
      const v = Number(raw);
      if (raw === "" || v !== consentCodes.named && v !== consentCodes.anonymous) {
        problem("csv-code-unknown", `${consentColumn}: "${raw}" is not ${consentCodes.named} (may be named) or ${consentCodes.anonymous} (anonymous)`, row.cellPlace(consentAt));
      } else if (keep) consent[r] = v === consentCodes.named ? 1 : 0;
    }
    for (const col of columns) {
      const result = typeCell(row.cells[col.at] ?? "", col.question, col.name, format);
      if (!result.ok) problem(result.ruleId, result.reason, row.cellPlace(col.at));
      else if (keep && col.values) col.values[r] = result.value;
    }
    checkRanks(row, columns, problem);
    if (keep) cityCodes.push(code2);
  };
  readCsv(text3, format.delimiter, onRow, (p) => problem("csv-parse", p.reason, p.place));
  if (!header) report(file, "csv-column-missing", "The file is empty: expected a header row and one row per city", { line: 1, column: 1 });
  for (const [ruleId, place] of overflow) {
    report(file, ruleId, `${(emitted.get(ruleId) ?? 0) - perRuleLimit} more problems of this kind were not listed`, place);
  }
  const rows = cityCodes.length;
  const trimmed = /* @__PURE__ */ new Map();
  for (const col of columns) if (col.values) trimmed.set(col.name, rows < capacity ? col.values.slice(0, rows) : col.values);
  return { rows, cityCodes, consent: consent.slice(0, rows), columns: trimmed };
}
function checkRanks(row, columns, problem) {
  const seen = /* @__PURE__ */ new Map();
  for (const col of columns) {
    if (col.question.type !== "ranking") continue;
    const raw = (row.cells[col.at] ?? "").trim();
    if (raw === "" || col.question.missing.some((m) => String(m.code) === raw)) continue;
    const key = `${col.question.id}:${raw}`;
    const first = seen.get(key);
    if (first !== void 0) problem("csv-rank-duplicate", `${col.name}: option ${raw} is already ranked in ${first}`, row.cellPlace(col.at));
    else seen.set(key, col.name);
  }
}
function countLines(text3) {
  let n = 1;
  for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) n++;
  return n;
}

// pipeline/stages/survey/load.ts
var citiesPath = "data/cities.csv";
function loadSurveys(files, options) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const vfiles = /* @__PURE__ */ new Map();
  const vfile = (path9) => {
    let f = vfiles.get(path9);
    if (!f) vfiles.set(path9, f = new VFile4({ path: path9 }));
    return f;
  };
  const codebookPaths = files.map((f) => f.path).filter((p) => /^data\/[^/]+\.codebook\.ya?ml$/.test(p)).sort();
  let cities = [];
  const citiesSource = byPath.get(citiesPath);
  if (citiesSource) {
    const declared = [readSidecar(citiesPath, byPath, vfile)];
    const text3 = decodeOrReport(citiesSource, declared, vfile);
    if (text3 !== void 0) cities = readCities(vfile(citiesPath), text3, resolveFormat(declared, text3));
  } else if (codebookPaths.length > 0) {
    report(vfile(citiesPath), "cities-missing", "data/cities.csv is missing: survey rows name cities by their code from this table", void 0);
  }
  const citiesByCode = new Map(cities.map((c) => [c.code, c]));
  const surveys = /* @__PURE__ */ new Map();
  for (const path9 of codebookPaths) {
    const file = vfile(path9);
    const codebook = readCodebook(file, utf8(byPath.get(path9).bytes));
    if (!codebook) continue;
    const survey = loadSurvey(codebook, file, byPath, vfile, citiesByCode);
    if (survey) surveys.set(survey.id, survey);
  }
  let defaultSurvey = options.defaultSurvey;
  if (defaultSurvey !== void 0 && !surveys.has(defaultSurvey)) {
    const known2 = [...surveys.keys()].join(", ") || "none";
    report(vfile("edition.yaml"), "survey-missing", `survey.default names "${defaultSurvey}", but data/ has no ${defaultSurvey}.codebook.yaml (surveys: ${known2})`, void 0);
  }
  if (defaultSurvey === void 0 && surveys.size === 1) defaultSurvey = [...surveys.keys()][0];
  return {
    bundle: { cities, citiesByCode, surveys, defaultSurvey, minBase: options.minBase },
    files: [...vfiles.values()]
  };
}
function loadSurvey(codebook, file, byPath, vfile, citiesByCode) {
  const id = codebook.meta.id;
  const csv = byPath.get(codebook.csvPath);
  if (!csv) {
    const at = codebook.meta.data === void 0 ? ["id"] : ["data"];
    report(file, "survey-missing", `The answers of ${id} should be in ${codebook.csvPath}, which does not exist`, codebook.source.positionOf(at));
    return void 0;
  }
  const declared = [readSidecar(codebook.csvPath, byPath, vfile), codebook.format];
  const text3 = decodeOrReport(csv, declared, vfile);
  if (text3 === void 0) return void 0;
  const data = readResponses(vfile(csv.path), text3, resolveFormat(declared, text3), codebook, citiesByCode);
  const questionsById = new Map(codebook.questions.map((q) => [q.id, q]));
  let previous;
  if (codebook.previousPath !== void 0) {
    const prev = byPath.get(codebook.previousPath);
    if (prev) previous = readPrevious(vfile(prev.path), utf8(prev.bytes), questionsById);
    else report(file, "survey-missing", `previous: ${codebook.previousPath} does not exist`, codebook.source.positionOf(["previous"]));
  }
  const countries = new Set(data.cityCodes.map((c) => citiesByCode.get(c)?.country));
  const { meta } = codebook;
  return {
    id,
    title: meta.title,
    shortTitle: codebook.shortTitle,
    fieldwork: meta.fieldwork,
    population: meta.population,
    populationSize: meta.populationSize,
    respondents: data.rows,
    countries: countries.size,
    questions: codebook.questions,
    questionsById,
    previous,
    data,
    synthetic: meta.synthetic,
    files: { codebook: file.path, csv: csv.path, previous: codebook.previousPath }
  };
}
function readSidecar(csvPath, byPath, vfile) {
  const path9 = csvPath.replace(/\.csv$/i, "") + ".format.yaml";
  const source = byPath.get(path9);
  if (!source) return void 0;
  const file = vfile(path9);
  const parsed = parseYaml(file, utf8(source.bytes), "codebook-yaml");
  if (!parsed) return void 0;
  const result = formatSchema.safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  reportIssues(file, parsed.source, result.error.issues, "codebook-field");
  return void 0;
}
function decodeOrReport(source, declared, vfile) {
  const decoded = decodeBytes(source.bytes, declaredEncoding(declared));
  if (decoded.ok) return decoded.text;
  report(vfile(source.path), "csv-encoding", decoded.reason, decoded.place);
  return void 0;
}
function utf8(bytes) {
  const text3 = new TextDecoder("utf-8").decode(bytes);
  return text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3;
}

// pipeline/compile.ts
var WORDS_PER_MINUTE2 = 230;
async function compileEdition(sources, options) {
  const progress = options.progress ?? (() => {
  });
  const stages = chapterStages(options.cache);
  progress({ stage: "edition" });
  const loaded = loadEdition(sources.edition);
  const files = [loaded.file];
  const config = loaded.config;
  if (!config) {
    for (const source of sources.chapters) files.push((await stages.prepare(source, options.profile, labelsFor("en").membersOnly)).file);
    files.push(...loadSurveys(sources.data, { minBase: 30, defaultSurvey: void 0 }).files);
    return { edition: void 0, files };
  }
  const labels = labelsFor(config.language);
  progress({ stage: "chapters", count: sources.chapters.length });
  const byName = new Map(sources.chapters.map((s) => [s.path.slice("chapters/".length), s]));
  const prepared = [];
  for (const [i, name] of config.chapters.entries()) {
    const source = byName.get(name);
    if (!source) {
      report(loaded.file, "chapter-missing", `Chapter file \`chapters/${name}\` does not exist`, loaded.yaml?.positionOf(["chapters", i]));
      continue;
    }
    const { file, chapter } = await stages.prepare(source, options.profile, labels.membersOnly);
    files.push(file);
    if (chapter) prepared.push(chapter);
  }
  for (const [name, source] of byName) {
    if (config.chapters.includes(name)) continue;
    const { file } = await stages.prepare(source, options.profile, labels.membersOnly);
    report(file, "chapter-unlisted", `\`${name}\` is not listed in edition.yaml and is not built`, { line: 1, column: 1 });
    files.push(file);
  }
  const included = prepared.filter((c) => options.profile === "members" || c.frontMatter.audience === "public");
  const seenSlugs = /* @__PURE__ */ new Map();
  for (const c of prepared) {
    const other = seenSlugs.get(c.slug);
    if (other) report(c.file, "slug-duplicate", `Slug \`${c.slug}\` is already used by ${other.sourcePath}`, { line: 1, column: 1 });
    seenSlugs.set(c.slug, c);
  }
  progress({ stage: "surveys", count: sources.data.length });
  const surveys = loadSurveys(sources.data, { minBase: config.survey.minBase, defaultSurvey: config.survey.default });
  for (const f of surveys.files) {
    if (f.path !== "edition.yaml") {
      files.push(f);
      continue;
    }
    for (const m of f.messages) {
      const moved = loaded.file.message(m.reason, { place: m.place ?? loaded.yaml?.positionOf(["survey", "default"]), ruleId: m.ruleId, source: m.source });
      moved.fatal = m.fatal;
      moved.note = m.note;
    }
  }
  const chapterRefs = /* @__PURE__ */ new Map();
  for (const c of prepared) {
    chapterRefs.set(c.sourcePath.slice("chapters/".length), { slug: c.slug, title: c.frontMatter.title, audience: c.frontMatter.audience, anchors: c.outline.anchors });
  }
  const figureRefs = /* @__PURE__ */ new Map();
  const charts = [];
  included.forEach((c, i) => {
    c.outline.charts.forEach((directive, j) => {
      const number = `${i + 1}.${j + 1}`;
      if (figureRefs.has(directive.id)) {
        report(c.file, "id-duplicate", `Figure id \`${directive.id}\` is used twice in the edition`, directive.position);
        return;
      }
      figureRefs.set(directive.id, { number, chapterSlug: c.slug });
      charts.push({ directive, number, chapterSlug: c.slug, file: c.file });
    });
  });
  const index = { chapters: chapterRefs, figures: figureRefs };
  progress({ stage: "charts", count: charts.length });
  const customSpecs = sources.data.filter((f) => f.path.startsWith("data/charts/") && f.path.endsWith(".vl.json"));
  const inputs = { bundle: surveys.bundle, language: config.language, customSpecs };
  const figures = await buildFigures(charts, inputs, options.drawCharts, chartRenderer(options.cache));
  progress({ stage: "render", count: included.length });
  const data = {
    stat: (attrs) => {
      const r = resolveStat(surveys.bundle, attrs, config.language);
      return r.ok ? { ok: true, value: r.text } : r;
    },
    block: (name, attrs) => generatedBlock(surveys.bundle, name, attrs, config.language)
  };
  const mediaPaths = new Set(sources.assets.map((a) => a.path));
  const chapters = [];
  for (const [i, c] of included.entries()) {
    const ctx = { slug: c.slug, number: i + 1, language: config.language, profile: options.profile, index, data, labels, media: mediaPaths };
    const rendered = await stages.render(c, ctx);
    chapters.push({
      sourcePath: c.sourcePath,
      slug: c.slug,
      number: i + 1,
      frontMatter: forProfile(c.frontMatter, options.profile),
      content: rendered.content,
      headings: rendered.headings,
      figures: c.outline.charts.map((d) => figures.get(d.id)).filter((f) => f !== void 0),
      tables: rendered.tables,
      wordCount: rendered.wordCount,
      readingMinutes: Math.max(1, Math.round(rendered.wordCount / WORDS_PER_MINUTE2))
    });
  }
  chapters.push(accessibilityStatement({ config, buildDate: options.buildDate, chapters, files }));
  const media = usedMedia(chapters, sources.assets);
  return { edition: { config, profile: options.profile, chapters, media, buildDate: options.buildDate }, files };
}
function forProfile(fm, profile) {
  if (profile === "members" || !fm.caseStudy?.contact || fm.caseStudy.contact.audience === "public") return fm;
  return { ...fm, caseStudy: { ...fm.caseStudy, contact: void 0 } };
}
function usedMedia(chapters, assets) {
  const used = /* @__PURE__ */ new Set();
  const walk = (node) => {
    if (node.type === "element" && node.tagName === "img") {
      const src = String(node.properties?.["src"] ?? "");
      if (src.startsWith(`../${MEDIA_DIR}/`)) used.add(src.slice(`../${MEDIA_DIR}/`.length));
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const c of chapters) walk(c.content);
  const media = /* @__PURE__ */ new Map();
  for (const a of assets) {
    const rel = a.path.slice("chapters/".length);
    if (used.has(rel)) media.set(rel, a.bytes);
  }
  return media;
}

// pipeline/output/atomic.ts
import { mkdir as mkdir2, readFile as readFile5, readdir as readdir3, rename as rename2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";
var STAGING = ".staging-";
var READY = ".ready-";
var RETIRED = ".retired-";
var LOCK = ".monitor-lock";
var StagedOutput = class _StagedOutput {
  constructor(outDir, stagingDir, token) {
    this.outDir = outDir;
    this.stagingDir = stagingDir;
    this.token = token;
  }
  outDir;
  stagingDir;
  token;
  /** Take the lock, recover from an earlier killed build, then open a fresh staging folder. */
  static async open(out, runToken) {
    const outDir = path5.resolve(out);
    const token = runToken.replace(/[^A-Za-z0-9_]/g, "_");
    await mkdir2(outDir, { recursive: true });
    await lock(outDir);
    try {
      await recover(outDir);
      const stagingDir = path5.join(outDir, `${STAGING}${token}`);
      await rm2(stagingDir, { recursive: true, force: true });
      await mkdir2(stagingDir);
      return new _StagedOutput(outDir, stagingDir, token);
    } catch (error) {
      await unlock(outDir);
      throw error;
    }
  }
  /** Write one file of the new output; `rel` must stay inside the staging folder. */
  async write(rel, contents) {
    const target = path5.resolve(this.stagingDir, rel);
    if (!target.startsWith(this.stagingDir + path5.sep)) throw new Error(`Refusing to write outside the output folder: ${rel}`);
    await mkdir2(path5.dirname(target), { recursive: true });
    await writeFile2(target, contents);
  }
  /** Swap each built folder (e.g. "html", "pdf") into place, then remove the old copies. */
  async commit(folders) {
    for (const folder of folders) await mkdir2(path5.join(this.stagingDir, folder), { recursive: true });
    for (const name of await readdir3(this.stagingDir)) {
      if (!folders.includes(name)) await rm2(path5.join(this.stagingDir, name), { recursive: true, force: true });
    }
    const ready = path5.join(this.outDir, `${READY}${this.token}`);
    await rename2(this.stagingDir, ready);
    await finish2(this.outDir, ready, this.token);
    await unlock(this.outDir);
  }
  /** Throw the staging folder away and release the lock; the previous output is untouched. */
  async discard() {
    await rm2(this.stagingDir, { recursive: true, force: true });
    await unlock(this.outDir);
  }
};
async function finish2(outDir, ready, token) {
  const folders = (await readdir3(ready)).sort();
  const retired = [];
  for (const folder of folders) {
    const current = path5.join(outDir, folder);
    const old = path5.join(outDir, `${RETIRED}${folder}-${token}`);
    try {
      await rename2(current, old);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    retired.push(old);
  }
  for (const folder of folders) {
    try {
      await rename2(path5.join(ready, folder), path5.join(outDir, folder));
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  await rm2(ready, { recursive: true, force: true });
  for (const old of retired) await rm2(old, { recursive: true, force: true });
}
async function recover(outDir) {
  for (const name of (await readdir3(outDir)).sort()) {
    if (name.startsWith(READY)) await finish2(outDir, path5.join(outDir, name), name.slice(READY.length));
  }
  const entries = (await readdir3(outDir)).sort();
  for (const name of entries) {
    if (name.startsWith(RETIRED)) {
      const folder = name.slice(RETIRED.length).split("-")[0] ?? "";
      if (folder && !entries.includes(folder)) {
        await rename2(path5.join(outDir, name), path5.join(outDir, folder));
        entries.push(folder);
      } else {
        await rm2(path5.join(outDir, name), { recursive: true, force: true });
      }
    } else if (name.startsWith(STAGING)) {
      await rm2(path5.join(outDir, name), { recursive: true, force: true });
    }
  }
}
async function lock(outDir) {
  const file = path5.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile2(file, `${process.pid}
`, { flag: "wx" });
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = Number.parseInt(await readFile5(file, "utf8").catch(() => ""), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw Object.assign(new Error(`Another build (process ${holder}) is writing ${outDir}; wait for it to finish`), { code: "EBUSY" });
    }
    await rm2(file, { force: true });
  }
  throw Object.assign(new Error(`Cannot lock ${outDir}`), { code: "EBUSY" });
}
async function unlock(outDir) {
  await rm2(path5.join(outDir, LOCK), { force: true });
}
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// pipeline/stages/emit-html/index.ts
import { toHtml } from "hast-util-to-html";

// pipeline/stages/emit-html/layout.ts
import { h as h3 } from "hastscript";
function page(edition, spec, links) {
  const { config } = edition;
  const up = "../".repeat(spec.path.split("/").length - 1);
  const members = edition.profile === "members";
  const statement = edition.chapters.find((c) => c.sourcePath === accessibilityStatementSource);
  const head = h3("head", [
    h3("meta", { charSet: "utf-8" }),
    h3("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h3("meta", {
      httpEquiv: "Content-Security-Policy",
      content: "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'"
    }),
    h3("title", spec.title),
    h3("meta", { name: "description", content: spec.description }),
    ...members ? [h3("meta", { name: "robots", content: "noindex, nofollow" })] : [],
    h3("link", { rel: "canonical", href: `${config.baseUrl}${spec.canonical}` }),
    h3("link", { rel: "stylesheet", href: `${up}assets/site.css` })
  ]);
  const banner = h3("header", { className: ["site-header"] }, [
    h3("a", { className: ["site-title"], href: up || "./" }, config.title),
    ...members ? [h3("p", { className: ["members-banner"] }, "Members only: not for publication")] : [],
    h3("nav", { className: ["header-links"], ariaLabel: "Edition" }, [
      h3("a", { href: "#site-nav" }, "Contents"),
      ...links.pdf ? [h3("a", { href: `${up}${links.pdf.name}`, className: ["pdf-link"] }, `Download the PDF (${links.pdf.size})`)] : []
    ])
  ]);
  const nav = h3("nav", { className: ["site-nav"], id: "site-nav", ariaLabel: "Chapters" }, [
    h3("h2", { className: ["nav-title"] }, "Contents"),
    h3(
      "ol",
      edition.chapters.map(
        (c) => h3("li", [
          h3(
            "a",
            { href: `${up}${c.slug}/`, ariaCurrent: spec.current === c.slug ? "page" : void 0 },
            [h3("span", { className: ["nav-number"] }, `${c.number}`), " ", c.frontMatter.title]
          )
        ])
      )
    ),
    h3("p", [h3("a", { href: `${up}case-studies/` }, "All best practices")])
  ]);
  const footer = h3("footer", { className: ["site-footer"] }, [
    h3("p", `${config.title}. Published by ${config.publisher}, ${config.year}. Licence: ${config.licence}.${config.isbn ? ` ISBN ${config.isbn}.` : ""}`),
    ...config.sampleData ? [h3("p", { className: ["sample-notice"] }, "Illustrative sample edition: the survey data are synthetic and do not describe real cities\u2019 answers.")] : [],
    h3("p", [
      "Feedback and accessibility problems: ",
      h3("a", { href: `mailto:${config.contact}` }, config.contact),
      ...statement ? [". ", h3("a", { href: `${up}${statement.slug}/` }, "Accessibility statement")] : []
    ])
  ]);
  const body = h3("body", [
    h3("a", { className: ["skip-link"], href: "#main" }, "Skip to content"),
    banner,
    h3("div", { className: ["layout"] }, [h3("main", { id: "main", tabIndex: -1, lang: spec.lang }, spec.main), nav]),
    footer
  ]);
  return { type: "root", children: [{ type: "doctype" }, h3("html", { lang: config.language }, [head, body])] };
}

// pipeline/stages/emit-html/pages.ts
init_chapter_body();
init_chapter_header();
init_figure();
import { h as h6 } from "hastscript";
var groups = [
  { title: "Introduction", kinds: ["foreword", "executive-summary"] },
  { title: "Voices from cities", kinds: ["essay"] },
  { title: "Guest essays", kinds: ["guest-essay"] },
  { title: "Best practices", kinds: ["case-study"] },
  { title: "Methods and annexes", kinds: ["methodology", "annex"] }
];
function indexPage(edition, pdf) {
  const { config } = edition;
  const main = [
    h6("section", { className: ["cover"], ariaLabelledBy: "edition-title" }, [
      h6("p", { className: ["cover-publisher"] }, `${config.publisher} \xB7 ${config.year}`),
      h6("h1", { id: "edition-title" }, config.title),
      ...config.subtitle ? [h6("p", { className: ["cover-subtitle"] }, config.subtitle)] : [],
      h6("p", { className: ["cover-intro"] }, config.description),
      ...pdf ? [h6("p", [h6("a", { className: ["button"], href: pdf.name }, `Download the PDF edition (${pdf.size})`)])] : []
    ]),
    h6("section", { className: ["toc"], ariaLabelledBy: "toc-title" }, [
      h6("h2", { id: "toc-title" }, "Contents"),
      ...groups.flatMap((g) => {
        const chapters = edition.chapters.filter((c) => g.kinds.includes(c.frontMatter.kind));
        if (chapters.length === 0) return [];
        return [h6("h3", g.title), h6("ol", { className: ["toc-list"] }, chapters.map((c) => tocEntry(c)))];
      })
    ])
  ];
  return { path: "index.html", title: config.title, description: config.description, canonical: "", main };
}
function tocEntry(c) {
  const sections = c.headings.filter((x2) => x2.depth === 2);
  return h6("li", { value: c.number }, [
    h6("a", { href: `${c.slug}/` }, [h6("span", { className: ["toc-number"] }, `${c.number}`), " ", c.frontMatter.title]),
    h6("p", { className: ["toc-summary"] }, c.frontMatter.summary),
    ...sections.length > 0 ? [h6("ul", { className: ["toc-sections"] }, sections.map((s) => h6("li", [h6("a", { href: `${c.slug}/#${s.id}` }, s.text)])))] : []
  ]);
}
function chapterPage(edition, chapter) {
  const i = edition.chapters.indexOf(chapter);
  const prev = edition.chapters[i - 1];
  const next = edition.chapters[i + 1];
  const body = renderChapterBody(chapter, "web", { baseUrl: edition.config.baseUrl, language: edition.config.language });
  const pager = h6("nav", { className: ["pager"], ariaLabel: "Previous and next chapter" }, [
    prev ? h6("a", { rel: "prev", href: `../${prev.slug}/` }, [h6("span", "Previous: "), prev.frontMatter.title]) : h6("span"),
    next ? h6("a", { rel: "next", href: `../${next.slug}/` }, [h6("span", "Next: "), next.frontMatter.title]) : h6("span")
  ]);
  const article = h6("article", { className: ["chapter", `kind-${chapter.frontMatter.kind}`] }, [
    ...renderChapterHeader(chapter, "web", edition.config.language),
    h6("div", { className: ["chapter-body"] }, body.children)
  ]);
  return {
    path: `${chapter.slug}/index.html`,
    title: `${chapter.frontMatter.title} | ${edition.config.title}`,
    description: chapter.frontMatter.summary,
    canonical: `${chapter.slug}/`,
    main: [article, pager],
    current: chapter.slug,
    lang: chapter.frontMatter.lang
  };
}
function caseStudiesPage(edition) {
  const cases = edition.chapters.filter((c) => c.frontMatter.caseStudy);
  const countries = new Intl.DisplayNames([edition.config.language, "en"], { type: "region" });
  const main = [
    h6("h1", "Best practices from member cities"),
    h6("p", `${cases.length} case studies of cities\u2019 practices, including winners of the Eurocities Awards.`),
    scrollRegion(
      "Case studies by city, country, themes and award",
      h6("table", { className: ["data-table", "case-overview"] }, [
        h6("caption", "Case studies by city, country, themes and award"),
        h6("thead", [h6("tr", ["Case study", "City", "Country", "Themes", "Award"].map((t) => h6("th", { scope: "col" }, t)))]),
        h6(
          "tbody",
          cases.map((c) => {
            const cs = c.frontMatter.caseStudy;
            if (!cs) return h6("tr");
            return h6("tr", [
              h6("th", { scope: "row" }, [h6("a", { href: `../${c.slug}/` }, c.frontMatter.title)]),
              h6("td", cs.city),
              h6("td", countries.of(cs.country) ?? cs.country),
              h6("td", cs.themes.join(", ")),
              h6("td", cs.award ? `${cs.award.year} ${cs.award.category} (${cs.award.result})` : "\u2013")
            ]);
          })
        )
      ])
    )
  ];
  return {
    path: "case-studies/index.html",
    title: `Best practices | ${edition.config.title}`,
    description: `Case studies of ${kindLabels["case-study"].toLowerCase()}s from Eurocities member cities in the ${edition.config.title}.`,
    canonical: "case-studies/",
    main,
    current: "case-studies"
  };
}

// pipeline/stages/emit-html/sitemap.ts
import { toXml } from "xast-util-to-xml";
import { x } from "xastscript";
function sitemap(baseUrl, paths) {
  const urls = paths.map((p) => x("url", [x("loc", baseUrl + p.replace(/index\.html$/, ""))]));
  const tree = x(null, [
    { type: "instruction", name: "xml", value: 'version="1.0" encoding="utf-8"' },
    x("urlset", { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" }, urls)
  ]);
  return toXml(tree) + "\n";
}

// pipeline/stages/emit-html/index.ts
function emitHtml(edition, assets) {
  const links = assets.pdf ? { pdf: { name: assets.pdf.name, size: formatSize(assets.pdf.bytes.byteLength) } } : {};
  const specs = [indexPage(edition, links.pdf), ...edition.chapters.map((c) => chapterPage(edition, c))];
  if (edition.chapters.some((c) => c.frontMatter.caseStudy)) specs.push(caseStudiesPage(edition));
  const files = specs.map((spec) => ({ path: spec.path, contents: toHtml(page(edition, spec, links), { allowDangerousHtml: true }) + "\n" }));
  for (const chapter of edition.chapters) {
    for (const figure of chapter.figures) files.push({ path: `${chapter.slug}/${figure.csvName}`, contents: figure.csv });
  }
  files.push({ path: "assets/site.css", contents: assets.css });
  for (const [rel, bytes] of edition.media) files.push({ path: `${MEDIA_DIR}/${rel}`, contents: bytes });
  for (const font2 of assets.fonts) files.push({ path: `assets/fonts/${font2.name}`, contents: font2.bytes });
  if (assets.pdf) files.push({ path: assets.pdf.name, contents: assets.pdf.bytes });
  if (edition.profile === "public") {
    files.push({ path: "sitemap.xml", contents: sitemap(edition.config.baseUrl, specs.map((s) => s.path)) });
  }
  return files;
}
function formatSize(bytes) {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

// pipeline/stages/load/read-sources.ts
import { readdir as readdir4, readFile as readFile6 } from "node:fs/promises";
import path6 from "node:path";
async function readSources(root) {
  const [edition, chapterFiles, data, styles2] = await Promise.all([
    readOptional(root, "edition.yaml"),
    readTree(root, "chapters"),
    readTree(root, "data"),
    readTree(root, "styles")
  ]);
  return {
    root,
    edition,
    chapters: chapterFiles.filter((f) => f.path.endsWith(".md") && !f.path.slice("chapters/".length).includes("/")),
    assets: chapterFiles.filter((f) => !f.path.endsWith(".md")),
    data,
    styles: styles2.filter((f) => f.path.endsWith(".css"))
  };
}
async function readOptional(root, rel) {
  try {
    return { path: rel, bytes: await readFile6(path6.join(root, rel)) };
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function readTree(root, dir) {
  let entries;
  try {
    entries = await readdir4(path6.join(root, dir), { recursive: true, withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith(".")).map((e) => path6.relative(root, path6.join(e.parentPath, e.name)).split(path6.sep).join("/")).sort();
  return Promise.all(files.map(async (rel) => ({ path: rel, bytes: await readFile6(path6.join(root, rel)) })));
}

// pipeline/paths.ts
import path7 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var projectRoot = path7.resolve(path7.dirname(fileURLToPath2(import.meta.url)), "..");
function defaultCacheDir(root) {
  return path7.join(root, ".monitor-cache");
}

// pipeline/build.ts
async function build(options) {
  const { log } = options;
  options.progress?.({ stage: "read" });
  const sources = await readSources(options.root);
  const cache3 = await openCache(options.cacheDir, options.runToken);
  const compiled = await compileEdition(sources, { profile: options.profile, buildDate: options.buildDate, drawCharts: true, cache: cache3, progress: options.progress });
  await cache3?.flush();
  if (cache3) log(`cache: ${cacheSummary(cache3)}`);
  const edition = compiled.edition;
  if (!edition || hasErrors(compiled.files)) return { ok: false, files: compiled.files, edition, written: {} };
  log(`compiled ${edition.chapters.length} chapters, ${edition.chapters.reduce((n, c) => n + c.figures.length, 0)} figures`);
  const staged = await StagedOutput.open(options.out, options.runToken).catch((error) => {
    throw outputError(options.out, error);
  });
  try {
    const styles2 = await loadStyles(sources);
    const folders = [];
    let pdf;
    if (options.format !== "html") {
      options.progress?.({ stage: "pdf" });
      const { emitPdf: emitPdf2 } = await Promise.resolve().then(() => (init_emit_pdf(), emit_pdf_exports));
      const result = await emitPdf2(edition, {
        outDir: path8.join(staged.stagingDir, "pdf"),
        keepPrintHtml: options.keepPrintHtml,
        executablePath: options.browserPath,
        styles: { printCss: styles2.print, chartsCss: styles2.charts },
        images: new Map([...edition.media].map(([rel, bytes]) => [`../${MEDIA_DIR}/${rel}`, { contentType: contentType(rel), bytes }])),
        log
      });
      pdf = { name: path8.basename(result.pdfPath), bytes: await readFile7(result.pdfPath) };
      folders.push("pdf");
      log(`pdf: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(2)} MB, ${result.tocChecked} TOC entries verified`);
    } else {
      pdf = await existingPdf(options.out, edition);
    }
    if (options.format !== "pdf") {
      options.progress?.({ stage: "html", count: edition.chapters.length });
      const files = emitHtml(edition, await htmlAssets(styles2, pdf));
      for (const f of files) await staged.write(`html/${f.path}`, f.contents);
      folders.push("html");
      log(`html: ${files.length} files`);
    }
    options.progress?.({ stage: "write" });
    await staged.commit(folders);
  } catch (error) {
    await staged.discard().catch(() => {
    });
    const code2 = error.code;
    throw code2 && /^E[A-Z]+$/.test(code2) ? outputError(options.out, error) : error;
  }
  return {
    ok: true,
    files: compiled.files,
    edition,
    written: {
      ...options.format !== "pdf" ? { html: path8.join(options.out, "html") } : {},
      ...options.format !== "html" ? { pdf: path8.join(options.out, "pdf", `${edition.config.slug}.pdf`) } : {}
    }
  };
}
function contentType(file) {
  const ext = file.split(".").pop()?.toLowerCase();
  const types = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", webp: "image/webp" };
  return types[ext ?? ""] ?? "application/octet-stream";
}
function outputError(out, error) {
  const e = error;
  const why = e.code === "ENOSPC" ? "the disk is full" : e.code === "EACCES" || e.code === "EPERM" ? "permission denied" : e.code === "ENOTDIR" || e.code === "EEXIST" ? "a file is in the way" : e.message;
  return Object.assign(new Error(`Cannot write the output folder ${out}: ${why}`, { cause: error }), {
    ruleId: "output-write",
    hint: "Check that the output folder can be written and the disk has space; the previous output was kept."
  });
}
async function check(root, profile, buildDate, extra = {}) {
  extra.progress?.({ stage: "read" });
  const sources = await readSources(root);
  const cache3 = await openCache(extra.cacheDir, `check-${process.pid}`);
  const result = await compileEdition(sources, { profile, buildDate, drawCharts: false, cache: cache3, progress: extra.progress });
  await cache3?.flush();
  return result;
}
async function openCache(dir, token) {
  if (dir === void 0) return void 0;
  try {
    return await DiskStore.open(dir, await pipelineVersion(), token);
  } catch {
    return void 0;
  }
}
function cacheSummary(cache3) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(cache3.stats.hits), ...Object.keys(cache3.stats.misses)])].sort();
  return names.map((n) => `${n} ${cache3.stats.hits[n] ?? 0}/${(cache3.stats.hits[n] ?? 0) + (cache3.stats.misses[n] ?? 0)} reused`).join(", ") || "empty";
}
async function htmlAssets(styles2, pdf) {
  const fonts = await loadFonts();
  const css = [fontFaceCss(fonts, (f) => `fonts/${f.name}`), styles2.web, styles2.charts].join("\n");
  return { css, fonts, pdf };
}
async function loadStyles(sources) {
  const own = async (name) => readFile7(path8.join(projectRoot, "styles", name), "utf8").catch(() => "");
  const samePlace = path8.resolve(sources.root) === projectRoot;
  const override = (name) => {
    if (samePlace) return "";
    const file = sources.styles.find((s) => s.path === `styles/${name}`);
    return file ? new TextDecoder().decode(file.bytes) : "";
  };
  const [web, print, charts] = await Promise.all([own("web.css"), own("print.css"), own("charts.css")]);
  return { web: web + override("web.css"), print: print + override("print.css"), charts: charts + override("charts.css") };
}
async function existingPdf(out, edition) {
  const file = path8.join(out, "pdf", `${edition.config.slug}.pdf`);
  try {
    await stat(file);
    return { name: `${edition.config.slug}.pdf`, bytes: await readFile7(file) };
  } catch {
    return void 0;
  }
}
export {
  build,
  check,
  defaultCacheDir,
  htmlAssets,
  loadStyles,
  projectRoot
};
