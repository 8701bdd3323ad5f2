/**
 * Puppeteer settings for Jol.
 * whatsapp-web.js depends on puppeteer, whose install would download a Chrome build.
 * Jol uses the system Chromium instead (PUPPETEER_EXECUTABLE_PATH, default /usr/bin/chromium),
 * so the download is skipped and `npm ci` works offline from the npm registry alone.
 * @type {import("puppeteer").Configuration}
 */
module.exports = {
  skipDownload: true,
};
