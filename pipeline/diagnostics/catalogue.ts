/**
 * Every rule the pipeline can report, with its severity and a one-line hint on how to fix it.
 * Rule ids are stable: editors search for them in docs/authoring.md.
 */
export type Severity = 'error' | 'warning';

export interface Rule {
  readonly severity: Severity;
  readonly hint: string;
}

export const catalogue = {
  // edition.yaml
  'edition-missing': { severity: 'error', hint: 'Create edition.yaml at the edition root (see docs/authoring.md).' },
  'edition-yaml': { severity: 'error', hint: 'Fix the YAML syntax: check indentation and that text with ":" is quoted.' },
  'edition-field': { severity: 'error', hint: 'Give the field the kind of value described in docs/authoring.md#editionyaml.' },
  'yaml-limit': { severity: 'error', hint: 'Write the value out instead of repeating it through many YAML aliases (*name), and keep each text under the size limit in docs/authoring.md.' },
  'edition-unknown-field': { severity: 'warning', hint: 'Remove the field or check its spelling against docs/authoring.md#editionyaml.' },
  'edition-string-unknown': { severity: 'error', hint: 'Use a key of the English catalogue (docs/authoring.md#interface-strings), spelt exactly as listed there.' },
  'locale-strings-english': { severity: 'warning', hint: 'The interface words of this language are printed in English: add a catalogue for it (docs/authoring.md#adding-a-language) or give each word under `strings:` in edition.yaml.' },
  'chapter-missing': { severity: 'error', hint: 'Create the file in chapters/ or correct the name in the chapters list of edition.yaml.' },
  'chapter-duplicate': { severity: 'error', hint: 'List each chapter file only once in edition.yaml.' },
  'chapter-unlisted': { severity: 'warning', hint: 'Add the file to the chapters list in edition.yaml, or delete it if it is not needed.' },
  'edition-image-missing': { severity: 'error', hint: 'Put the image under chapters/ (e.g. chapters/images/logo.svg) and write its path from there in edition.yaml, e.g. logo: images/logo.svg.' },
  'slug-duplicate': { severity: 'error', hint: 'Give one of the chapters another file name or a distinct `slug` in its front matter.' },
  'slug-reserved': { severity: 'error', hint: 'Choose another address: add e.g. `slug: case-studies-overview` to the front matter, or rename the file (reserved names are listed in docs/authoring.md#slugs).' },
  'slug-invalid': { severity: 'error', hint: 'Use only lower-case letters, digits and single hyphens, e.g. `slug: urban-mobility`; or rename the file that way (e.g. urban-mobility.md).' },
  'edition-format': { severity: 'error', hint: 'List only formats the pipeline makes, e.g. `formats: [html, pdf]`, or remove the `formats` field to build both (see docs/authoring.md#editionyaml).' },
  // front matter
  'frontmatter-missing': { severity: 'error', hint: 'Start the chapter with front matter between two "---" lines, with at least title, kind and summary.' },
  'frontmatter-yaml': { severity: 'error', hint: 'Fix the YAML syntax of the front matter: check indentation and quote text containing ":".' },
  'frontmatter-field': { severity: 'error', hint: 'Give the field the kind of value described in docs/authoring.md#front-matter.' },
  'frontmatter-required': { severity: 'error', hint: 'Add the missing field to the front matter (see docs/authoring.md#front-matter).' },
  'frontmatter-unknown-field': { severity: 'warning', hint: 'Remove the field or check its spelling against docs/authoring.md#front-matter.' },
  'frontmatter-kind': { severity: 'error', hint: 'Use one of: foreword, executive-summary, essay, guest-essay, case-study, methodology, annex.' },
  'frontmatter-audience': { severity: 'error', hint: 'Use audience: public or audience: members.' },
  'frontmatter-country': { severity: 'error', hint: 'Use the two-letter ISO 3166-1 code in capitals, e.g. PL for Poland, DE for Germany.' },
  // Markdown
  'markdown-encoding': { severity: 'error', hint: 'Save the chapter as UTF-8 (in most editors: "Save with encoding" → UTF-8).' },
  'markdown-too-large': { severity: 'error', hint: 'Split the chapter into smaller files; chapters over the size limit are refused.' },
  'markdown-too-deep': { severity: 'error', hint: 'Flatten the nesting of lists, quotes, directives and raw HTML elements; content nested this deep is refused.' },
  'markdown-too-complex': { severity: 'error', hint: 'Close the square brackets you opened, or split the paragraph or table (a blank line starts a new paragraph); this many brackets or lines in one block is refused.' },
  'heading-title': { severity: 'warning', hint: 'The chapter title comes from the front matter; start the body with "##" headings.' },
  'heading-skip': { severity: 'warning', hint: 'Do not skip heading levels: follow "##" with "###", not "####".' },
  'id-duplicate': { severity: 'error', hint: 'Give each heading and figure in the edition a distinct id or title.' },
  'link-chapter': { severity: 'error', hint: 'Link to a chapter by its file name, e.g. [housing](housing.md), and check it is listed in edition.yaml.' },
  'link-anchor': { severity: 'error', hint: 'Check the part after "#": it must be the id of a heading or figure in the target chapter.' },
  'table-title': { severity: 'warning', hint: 'Write "Table: title of the table" on its own paragraph just before the table, and "Source: …" just after it.' },
  'image-missing': { severity: 'error', hint: 'Put the image under chapters/ (e.g. chapters/images/map.png) and write the path from the chapter, e.g. ![…](images/map.png).' },
  'image-remote': { severity: 'error', hint: 'Download the image into chapters/images/ and link it from there; editions load nothing from other sites.' },
  'image-alt': { severity: 'error', hint: 'Describe the image in the brackets: ![what the image shows](path).' },
  'directive-unknown': { severity: 'error', hint: 'Use one of the directives in docs/authoring.md: chart, stat, ref, callout, pullquote, members, respondents, questionnaire.' },
  'directive-attribute': { severity: 'error', hint: 'Check the directive attributes against docs/authoring.md.' },
  'members-marker': { severity: 'error', hint: 'Write the members fence exactly as `:::members` alone on its line (no space, lower case), close it with a line `:::`, and put `{audience=members}` right after a directive.' },
  'members-in-html': { severity: 'error', hint: 'Leave a blank line between raw HTML (such as <div>) and a `:::` fence, or remove the HTML: Markdown is not read inside an HTML block.' },
  'directive-fence': { severity: 'error', hint: 'Check the line that opens this passage (e.g. `:::members`, `:::callout`): it was not recognised, so this `:::` closes nothing.' },
  'link-url': { severity: 'error', hint: 'Fix the % escape in the address: a % must be followed by two hexadecimal digits (write %25 for a literal %, %20 for a space).' },
  'footnotes-too-many': { severity: 'error', hint: 'Split the chapter, or turn long runs of notes into a reference list; see the limits in docs/authoring.md.' },
  'table-too-long': { severity: 'error', hint: 'Publish the full table as a downloadable CSV and show a summary table in the chapter; see the limits in docs/authoring.md.' },
  'image-too-large': { severity: 'error', hint: 'Export the image smaller (e.g. 3000 px wide, JPEG quality 85, or an optimised PNG); see the limits in docs/authoring.md.' },
  'ref-unknown': { severity: 'error', hint: 'Refer to a figure id that exists, e.g. :ref{#fig-housing-drivers}, and give that chart the id.' },
  // charts and stats
  'chart-alt': { severity: 'error', hint: 'Add alt="…" describing what the chart shows; the caption is not enough.' },
  'chart-caption': { severity: 'error', hint: 'Write the caption in the brackets: ::chart[Caption]{…}.' },
  'chart-source': { severity: 'error', hint: 'Give the chart question=…, type=map|tiles or spec=… (see docs/authoring.md#survey-numbers-and-charts).' },
  'chart-question': { severity: 'error', hint: 'Use a question id from the survey codebook, e.g. question=Q07.' },
  'chart-option': { severity: 'error', hint: 'Check the chart attributes (by, compare, type) against docs/authoring.md.' },
  'chart-spec': { severity: 'error', hint: 'Fix the custom Vega-Lite spec in data/charts/: name data by dataset id only, never by url or path.' },
  'chart-render': { severity: 'error', hint: 'Check the spec and its data; if drawing exceeded a limit, simplify the spec or reduce the rows it generates (see docs/authoring.md#chart-limits).' },
  'chart-suppressed': { severity: 'error', hint: 'The question has fewer answers than survey.minBase, so no percentage may be shown; remove the chart or describe the result in words.' },
  'stat-unknown': { severity: 'error', hint: 'Check the :stat attributes: question, option or value must exist in the codebook.' },
  // surveys
  'survey-missing': { severity: 'error', hint: 'Add the survey codebook and CSV to data/, or correct the survey id.' },
  'codebook-yaml': { severity: 'error', hint: 'Fix the YAML syntax of the codebook.' },
  'codebook-field': { severity: 'error', hint: 'Give the codebook field the value described in docs/authoring.md#codebooks.' },
  'csv-encoding': { severity: 'error', hint: 'Save the CSV as UTF-8 (Excel: "CSV UTF-8"), or declare its encoding in the codebook, e.g. encoding: windows-1250.' },
  'csv-ragged': { severity: 'error', hint: 'Every row must have as many cells as the header; check for stray separators or unquoted line breaks.' },
  'csv-parse': { severity: 'error', hint: 'Check the quoting in the CSV: a quote opened in a cell must be closed.' },
  'csv-column-unknown': { severity: 'error', hint: 'Add the column to the codebook, or remove it from the CSV.' },
  'csv-column-missing': { severity: 'error', hint: 'Add the column to the CSV, or remove the question from the codebook.' },
  'csv-code-unknown': { severity: 'error', hint: 'Use one of the option codes listed in the codebook, or add the code there.' },
  'csv-out-of-range': { severity: 'error', hint: 'Check the value against the range declared in the codebook.' },
  'csv-city-unknown': { severity: 'error', hint: 'Use a city code from data/cities.csv, or add the city there.' },
  'csv-city-duplicate': { severity: 'error', hint: 'Each city may answer once; remove or merge the duplicate row.' },
  'cities-field': { severity: 'error', hint: 'Check the row in data/cities.csv against docs/authoring.md#cities.' },
  'cities-missing': { severity: 'error', hint: 'Add data/cities.csv with the member cities (see docs/authoring.md#cities).' },
  'csv-number': { severity: 'error', hint: 'Write numbers with digits and the decimal mark declared in the codebook (file.decimal), without thousands separators.' },
  'csv-column-duplicate': { severity: 'error', hint: 'Give each CSV column a distinct name in the header row.' },
  'csv-rank-duplicate': { severity: 'error', hint: 'A city can rank each option only once; check the rank columns of this row.' },
  // build
  'pdf-toc': { severity: 'error', hint: 'A table-of-contents page number did not match its heading; report this as a pipeline bug.' },
  'pdf-print': { severity: 'error', hint: 'If Chromium ran out of time or memory on a very large edition, split or shorten its largest chapters; otherwise rerun the build, and check free memory and /tmp space.' },
  'output-write': { severity: 'error', hint: 'Check that the output folder can be written and the disk has space; the previous output was kept.' },
  'pdf-browser': { severity: 'error', hint: 'Install Chromium (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH.' },
  'pdf-too-large': { severity: 'error', hint: 'Split the chapter into several, shorten it, or move long tables and data to a CSV download; the PDF edition has a size limit (docs/security.md#bounded-input).' },
  'pdf-page-ref': { severity: 'error', hint: 'A page number printed beside a cross-reference did not match the page it links to; report this as a pipeline bug.' },
  'output-refused': { severity: 'error', hint: 'Give --out an empty or new folder made for the edition; --force writes beside foreign files without touching them.' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof catalogue;

export function ruleOf(id: RuleId): Rule {
  return catalogue[id];
}
