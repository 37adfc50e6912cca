// Times the page at scale in headless Chromium and prints a table (medians of RUNS):
// open to JSON shown, a form edit to the JSON, one keystroke painted, the diagram tab, and
// the longest frame gap while typing. Stack documents come from
// `cargo run -p ec2-playground-core --example big_stack -- N`. No time fails anything:
// scripts/page-bench.sh runs this and writes the table.
//
//   node tests/browser/page-bench.cjs <stack.json>...     (env RUNS, default 3)
'use strict';
const fs = require('node:fs');
const h = require('./harness.cjs');

const RUNS = Number(process.env.RUNS || 3);
const TIMEOUT = 120000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(browser, url, doc) {
  const { context, page, errors } = await h.freshPage(browser);
  await h.seedStack(page, doc);
  const last = Object.values(JSON.parse(doc).resources.slice(-2)[0])[0].id;
  await page.goto(url);
  await page.waitForFunction((id) => {
    const el = document.querySelector('#code-json');
    const text = el && (el.editorHandle ? el.editorHandle.text() : el.textContent);
    return text && text.includes(id);
  }, last, { timeout: TIMEOUT });
  const load = await page.evaluate(() => performance.now());

  // A form edit to the JSON: the first inbound rule's port.
  const field = '#r-2-ingress-0--from-port';
  // The forms; a long stack opens with its cards folded: open the security group's.
  await page.click('#tab-forms');
  await page.waitForSelector('#card-2 .card-toggle', { timeout: TIMEOUT });
  if (!(await page.$('#card-2-body'))) await page.click('#card-2 .card-toggle');
  await page.waitForSelector(field, { timeout: TIMEOUT });
  const t0 = Date.now();
  await page.fill(field, '2345');
  await page.waitForFunction(() => {
    const el = document.querySelector('#code-json');
    const text = el && (el.editorHandle ? el.editorHandle.text() : el.textContent);
    return text && text.includes('"from_port": 2345');
  }, null, { timeout: TIMEOUT });
  const edit = Date.now() - t0;

  // One keystroke, to the next paint; and the longest frame gap over ten keystrokes.
  const drawnAhead = await page.evaluate(() => performance.getEntriesByName('diagram-drawn-ahead').length);
  const keystroke = await page.evaluate(async (sel) => {
    const input = document.querySelector(sel);
    const times = [];
    let longest = 0;
    let last = performance.now();
    let frames = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      input.value = String(2000 + i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t);
    }
    frames = false;
    times.sort((a, b) => a - b);
    return { median: times[5], longestGap: longest };
  }, field);

  // The diagram tab once typing has paused: the page draws it ahead while idle into a hidden
  // panel (the mark says it holds the new drawing; the browser lays it out in the next
  // frame), then the click only shows it.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.waitForFunction((n) => {
    const el = document.querySelector('#code-json');
    const text = el && (el.editorHandle ? el.editorHandle.text() : el.textContent);
    const kept = document.querySelector('.tab-panel.kept svg');
    return text && text.includes('"from_port": 2009') && performance.getEntriesByName('diagram-drawn-ahead').length > n
      && kept && kept.textContent.includes('2009');
  }, drawnAhead, { timeout: TIMEOUT });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  // Timed in the page, as the keystroke is: the click to the next frame painted.
  const diagram = await page.evaluate(async () => {
    const t = performance.now();
    document.querySelector('#tab-diagram').click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (!document.querySelector('#panel-diagram svg')) throw new Error('no diagram after its tab was clicked');
    return performance.now() - t;
  });
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return { load, edit, keystroke: keystroke.median, gap: keystroke.longestGap, diagram, height };
}

(async () => {
  const files = process.argv.slice(2);
  const server = await h.serve();
  const browser = await h.launch();
  const rows = [];
  try {
    for (const file of files) {
      const doc = fs.readFileSync(file, 'utf8');
      const n = JSON.parse(doc).resources.length;
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server.url, doc));
      const m = (k) => Math.round(median(runs.map((r) => r[k])));
      rows.push({ n, load_ms: m('load'), edit_ms: m('edit'), keystroke_ms: m('keystroke'), longest_frame_gap_ms: m('gap'), diagram_ms: m('diagram'), page_height_px: m('height') });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('| resources | open to JSON | form edit to JSON | one keystroke painted | longest frame gap typing | diagram tab | page height |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.n} | ${r.load_ms} ms | ${r.edit_ms} ms | ${r.keystroke_ms} ms | ${r.longest_frame_gap_ms} ms | ${r.diagram_ms} ms | ${r.page_height_px} px |`);
  }
  fs.mkdirSync(h.ARTIFACTS, { recursive: true });
  fs.writeFileSync(`${h.ARTIFACTS}/page-bench.json`, JSON.stringify(rows, null, 2));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
