// SPDX-License-Identifier: GPL-3.0-or-later
// Runs Lighthouse (the version pinned in package-lock.json) on each URL given, SEO category only, in
// one headless Chromium, and prints for each its verdicts as JSON on stdout:
//   {"lighthouseVersion": "12.8.2", "pages": {URL: {"score": 0.92, "runtimeError": null,
//     "audits": {"is-crawlable": {"mode": "binary", "score": 1}, …}}}}
// Usage: CHROME_PATH=/usr/bin/chromium node oracle.mjs URL… (LUX_PARITY_LH_TIMEOUT: seconds a page).
// The settings are the CLI's for
//   lighthouse URL --only-categories=seo --ignore-status-code --disable-full-page-screenshot
// (mobile emulation, as the CLI's default); one Chromium serves every page, as Lighthouse resets
// storage and cache before each navigation.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const timeoutMs = 1000 * Number(process.env.LUX_PARITY_LH_TIMEOUT || 60);
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'];

async function launch() {
  return chromeLauncher.launch({chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags});
}

function verdicts(lhr) {
  const audits = {};
  for (const ref of lhr.categories.seo.auditRefs) {
    const a = lhr.audits[ref.id];
    audits[ref.id] = {mode: a.scoreDisplayMode, score: a.score};
  }
  return {score: lhr.categories.seo.score, runtimeError: lhr.runtimeError ? lhr.runtimeError.code : null, audits};
}

const out = {lighthouseVersion: null, pages: {}};
let chrome = await launch();
for (const url of process.argv.slice(2)) {
  let timer;
  try {
    const run = lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['seo'], ignoreStatusCode: true,
      disableFullPageScreenshot: true,
      // The pages are static and served from loopback: no need to wait for the network or the CPU
      // to go quiet (timings only; no SEO audit reads them). The default throttling ("simulate")
      // keeps these; any other method raises them to 5.25 s each.
      pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0,
    });
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), timeoutMs); });
    const result = await Promise.race([run, timeout]);
    out.lighthouseVersion = result.lhr.lighthouseVersion;
    out.pages[url] = verdicts(result.lhr);
  } catch (e) {
    out.pages[url] = {error: String(e && e.message || e)};
    try { await chrome.kill(); } catch {}
    chrome = await launch(); // a page that hung may have left the browser in any state
  } finally {
    clearTimeout(timer);
  }
  process.stderr.write(`lighthouse: ${url}\n`);
}
await chrome.kill();
// Exits once stdout has taken it all: a pipe takes 64 KiB at a time, and exit() would cut the rest.
process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
