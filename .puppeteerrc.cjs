// The pipeline finds a system Chromium itself (see pipeline/stages/emit-pdf/browser.ts);
// Puppeteer's own browser download cannot work on machines without general internet access.
module.exports = { skipDownload: true };
