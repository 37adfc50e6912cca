// Shared by the browser tests: a static server for dist/, and a headless Chromium.
// playwright-core comes from $EC2P_TOOLS/node (scripts/setup.sh browser); no browser download.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = process.env.EC2P_DIST || path.join(ROOT, 'dist');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Serves dist/ on 127.0.0.1 (a free port); resolves to { url, close }. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Headless Chromium with the flags of docs/toolchain.md. */
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new context (a fresh profile: its own localStorage) in `locale`, with a clipboard. */
async function freshPage(browser, { locale = 'fr-FR', width = 1280, height = 800, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({
    locale,
    viewport: { width, height },
    colorScheme,
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1' }).catch(() => {});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Registers a test file's `before` and `after`: a server for dist/ and a headless Chromium,
 * shared by its tests. Returns { server, browser, timings } (filled in by `before`); the
 * timings are written to test-artifacts/<timingsFile> at the end.
 */
function suite(timingsFile) {
  const { before, after } = require('node:test');
  const assert = require('node:assert/strict');
  const shared = { server: null, browser: null, timings: {} };
  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}: run trunk build first`);
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    if (shared.browser) await shared.browser.close();
    if (shared.server) await shared.server.close();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, timingsFile), JSON.stringify(shared.timings, null, 2));
  });
  return shared;
}

/**
 * The text of a code panel (`#code-json`, `#code-python`...): from its editor once the
 * code editor has loaded (CodeMirror draws only the lines in view), else the plain text.
 */
async function codeText(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    return el.editorHandle ? el.editorHandle.text() : el.textContent;
  }, selector);
}

const zlib = require('node:zlib');

/** The names and contents of a zip's entries (stored or deflated), read from its central directory. */
function readZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  require('node:assert/strict').ok(eocd >= 0, 'an end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = {};
  for (let n = 0; n < count; n++) {
    require('node:assert/strict').equal(buf.readUInt32LE(p), 0x02014b50, 'a central directory header');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    require('node:assert/strict').equal(buf.readUInt32LE(local), 0x04034b50, `a local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? raw : zlib.inflateRawSync(raw);
    require('node:assert/strict').equal(data.length, usize, `${name} unpacks to its size`);
    entries[name] = data.toString('utf8');
    p += 46 + nlen + elen + clen;
  }
  return entries;
}

/**
 * Chooses `value` in one of the settings menu's selects (`#lang-select`, `#theme-select`),
 * opening the menu (the ⚙ at the toolbar's end) first when it is closed.
 */
async function chooseSetting(page, select, value) {
  if (!(await page.evaluate(() => document.querySelector('#settings').open))) await page.click('#settings summary');
  await page.selectOption(select, value);
}

/**
 * Puts `doc` (a stack document's text) where the page keeps the learner's stack, before the
 * page's first load only (a reload then shows what the page itself saved).
 */
async function seedStack(page, doc) {
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, ['ec2-playground:stack:v1', doc]);
}

module.exports = { ROOT, DIST, ARTIFACTS, serve, launch, freshPage, screenshot, suite, codeText, readZip, chooseSetting, seedStack };
