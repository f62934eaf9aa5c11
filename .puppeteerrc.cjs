// Puppeteer reads this file when it installs and when it launches.
//
// Never download puppeteer's own Chrome during `npm ci`: the download needs internet access
// that CI machines and many council networks do not have, and when it fails it fails the
// whole install. `report` prints with a system Chrome or Chromium (.ci/setup installs
// Debian's chromium); see src/write/browser/find-browser.ts for the order it looks in.
// To use puppeteer's own Chrome instead, run `npx puppeteer browsers install chrome` once:
// report finds it there.
module.exports = {
  skipDownload: true,
};
