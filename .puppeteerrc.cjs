// Puppeteer reads this file when it installs and when it launches.
// Where a system Chromium or Chrome is present (or PUPPETEER_EXECUTABLE_PATH names one),
// skip puppeteer's own browser download: it needs internet access that CI machines and many
// council networks do not have. src/write/browser/find-browser.ts resolves the browser at run time.
const { existsSync } = require('node:fs');

const systemBrowsers = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

module.exports = {
  skipDownload: systemBrowsers.some((path) => existsSync(path)),
};
