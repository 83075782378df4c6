import { catalogue } from '../../diagnostics/catalogue.js';

/** Rules this stage can fail with. `pdf-print` is not in the catalogue yet (see docs/pdf.md). */
export type PdfRuleId = 'pdf-browser' | 'pdf-toc' | 'pdf-print';

const fallbackHints: Record<PdfRuleId, string> = {
  'pdf-browser': 'Install Chromium (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH.',
  'pdf-toc': 'A table-of-contents page number did not match its heading; report this as a pipeline bug.',
  'pdf-print': 'Chromium crashed or hung while printing; rerun the build, and check memory and /tmp space.',
};

/** A failure of the PDF edition; the CLI prints `message`, then `hint`, with the rule id. */
export class PdfEmitError extends Error {
  readonly ruleId: PdfRuleId;
  readonly hint: string;

  constructor(ruleId: PdfRuleId, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfEmitError';
    this.ruleId = ruleId;
    const known = (catalogue as Record<string, { hint: string } | undefined>)[ruleId];
    this.hint = known?.hint ?? fallbackHints[ruleId];
  }
}
