// The page with a large stack, and what a newly added resource does (issue 12). Times are
// recorded in test-artifacts/scale-timings.json, never asserted: scripts/page-bench.sh
// prints the full table (lab, 100, 400, 1,000 resources).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const h = require('./harness.cjs');

const STACK_KEY = 'ec2-playground:stack:v1';
const TIMEOUT = 60000;
const env = h.suite('scale-timings.json');

/** A stack document of about `n` resources, from the core's generator. */
function bigStack(n) {
  return execFileSync('cargo', ['run', '-q', '--locked', '-p', 'ec2-playground-core', '--example', 'big_stack', '--', String(n)], {
    cwd: h.ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

test('a 1,000-resource stack opens folded, and an edit in an opened card reaches the JSON', async () => {
  const doc = bigStack(1000);
  const { context, page, errors } = await h.freshPage(env.browser);
  await h.seedStack(page, doc);
  await page.goto(env.server.url);
  await page.waitForFunction(() => {
    const el = document.querySelector('#code-json');
    const text = el && (el.editorHandle ? el.editorHandle.text() : el.textContent);
    return text && text.includes('"data_165"');
  }, null, { timeout: TIMEOUT });
  env.timings.open_1000_to_json_ms = Math.round(await page.evaluate(() => performance.now()));
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
  assert.equal(await page.locator('.cards > .card').count(), 998);
  assert.equal(await page.locator('.card-body').count(), 0, 'every card folded');
  // Building 998 forms at once would hold the page: "unfold all" is not offered here.
  assert.equal(await page.locator('#unfold-all').count(), 0);
  assert.equal(await page.locator('#fold-all').count(), 1);
  await page.click('#card-2 .card-toggle');
  await page.fill('#r-2-ingress-0--from-port', '2345');
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"from_port": 2345'), null, { timeout: TIMEOUT });
  // The page saved the edit (once typing paused).
  await page.waitForFunction((key) => (localStorage.getItem(key) || '').includes('"from_port": 2345'), STACK_KEY, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('before the code editor loads, a long JSON is plain text in blocks of 200 lines, whole', async () => {
  const doc = bigStack(1000);
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.route('**/editor/editor.js', (route) => route.abort());
  await h.seedStack(page, doc);
  await page.goto(env.server.url);
  await page.waitForSelector('#notice-module-failed', { timeout: TIMEOUT });
  const shape = await page.evaluate(() => {
    const el = document.querySelector('#code-json');
    const blocks = [...el.querySelectorAll('.plain-block')];
    blocks[0].scrollIntoView();
    // A block far from view is not laid out: its height is its placeholder (200lh).
    const far = blocks[Math.floor(blocks.length / 2)];
    return {
      text: el.textContent,
      lines: blocks.map((b) => b.textContent.split('\n').length - (b.textContent.endsWith('\n') ? 1 : 0)),
      firstHeight: blocks[0].getBoundingClientRect().height,
      farHeight: far.getBoundingClientRect().height,
      visibility: getComputedStyle(blocks[0]).contentVisibility,
    };
  });
  const total = shape.text.split('\n').length - (shape.text.endsWith('\n') ? 1 : 0);
  assert.ok(total > 10000, `the JSON of 1,000 resources is long (${total} lines)`);
  assert.equal(shape.lines.length, Math.ceil(total / 200));
  assert.ok(shape.lines.slice(0, -1).every((n) => n === 200), 'every block but the last is 200 lines');
  assert.equal(shape.lines.reduce((a, b) => a + b, 0), total);
  assert.equal(shape.visibility, 'auto');
  assert.ok(shape.firstHeight > 1000, `a block laid out is 200 lines tall (${shape.firstHeight} px)`);
  assert.ok(Math.abs(shape.firstHeight - shape.farHeight) < 1,
    `a block not laid out keeps the height of 200 lines (${shape.farHeight} px against ${shape.firstHeight} px), so the scroll bar is true`);
  const json = JSON.parse(shape.text);
  assert.equal(Object.keys(json.resource.aws_instance).length > 0, true);
  assert.ok(errors.every((e) => /editor\.js|Failed to fetch|ERR_FAILED/.test(e)), `only the blocked module fails: ${errors.join(' | ')}`);
  await context.close();
});

test('a stack past the smooth size (about 2,500 resources) opens, says so, and takes an edit', async () => {
  const doc = bigStack(2500);
  const n = JSON.parse(doc).resources.length;
  const { context, page, errors } = await h.freshPage(env.browser);
  await h.seedStack(page, doc);
  await page.goto(env.server.url);
  await page.waitForSelector('#notice-large-stack', { timeout: TIMEOUT });
  const text = await page.textContent('#notice-large-stack');
  assert.match(text, new RegExp(`Cette stack a ${n.toLocaleString('fr-FR').replace(/\s/g, '\\s')} ressources`));
  assert.match(text, /CLI/);
  await page.waitForFunction(() => {
    const el = document.querySelector('#code-json');
    const text = el && (el.editorHandle ? el.editorHandle.text() : el.textContent);
    return text && text.length > 500000;
  }, null, { timeout: TIMEOUT });
  env.timings.open_2500_to_json_ms = Math.round(await page.evaluate(() => performance.now()));
  await page.click('#tab-forms');
  await page.click('#card-2 .card-toggle', { timeout: TIMEOUT });
  await page.fill('#r-2-ingress-0--from-port', '2345');
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"from_port": 2345'), null, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new resource appears in view, open, with its first field focused', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
  // The editor's cards only: the diagram, drawn ahead under its tab, has `.card` boxes too.
  const before = await page.locator('.cards > .card').count();
  await page.selectOption('#add-kind', 'EbsVolume');
  await page.click('#add-resource');
  const id = `#r-${before}-id`;
  await page.waitForFunction((sel) => document.activeElement && document.activeElement.matches(sel), id, { timeout: TIMEOUT });
  const inView = await page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, id);
  assert.ok(inView, 'the new card is in view');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the course lab opens with no error, and a second security group added to it brings none', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await page.click('#tab-checks');
  await page.waitForSelector('#checks-summary', { timeout: TIMEOUT });
  assert.equal(await page.locator('#panel-checks .diagnostic.error').count(), 0, await page.textContent('#checks-summary'));
  await page.click('#tab-forms');
  await page.selectOption('#add-kind', 'SecurityGroup');
  await page.click('#add-resource');
  await page.waitForSelector('#card-9', { timeout: TIMEOUT });
  await page.click('#tab-checks');
  await page.waitForFunction(() => !!document.querySelector('#checks-summary'), null, { timeout: TIMEOUT });
  assert.equal(await page.locator('#panel-checks .diagnostic.error').count(), 0, await page.textContent('#checks-summary'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('"see the outputs" on a phone scrolls to them and leaves the address alone', async () => {
  const { context, page, errors } = await h.freshPage(env.browser, { width: 360, height: 780 });
  await page.goto(env.server.url);
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
  await page.click('.to-outputs');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'outputs', null, { timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => location.hash), '');
  const [top, height] = await page.evaluate(() => [document.querySelector('#outputs').getBoundingClientRect().top, innerHeight]);
  assert.ok(top >= 0 && top < height / 4, `the outputs at the top of the screen (${top} of ${height})`);
  await page.reload();
  await page.waitForSelector('#tab-forms', { timeout: TIMEOUT });
  assert.equal(await page.locator('#notice-link-broken').count(), 0, 'no broken-link notice after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('rules have presets beside "other rule"; a new AMI filter starts with one value row', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await page.click('#tab-forms');
  await page.waitForSelector('#card-2', { timeout: TIMEOUT });
  const labels = await page.locator('#r-2-ingress .rule-presets button').allTextContents();
  assert.deepEqual(labels, ['+ SSH 22', '+ HTTP 80', '+ HTTPS 443', '+ Autre règle entrante']);
  await page.click('#r-2-ingress-preset-2');
  await page.click('#tab-json');
  await page.waitForFunction(() => {
    const el = document.querySelector('#code-json');
    const text = el && el.editorHandle ? el.editorHandle.text() : '';
    const sg = text && JSON.parse(text).resource.aws_security_group.web_sg;
    return sg && sg.ingress.some((r) => r.from_port === 443 && r.to_port === 443 && r.description === 'HTTPS');
  }, null, { timeout: TIMEOUT });
  assert.deepEqual(await page.locator('#r-2-egress .rule-presets button').allTextContents(), ['+ Tout le trafic', '+ HTTPS 443', '+ Autre règle sortante']);
  const rows = () => page.locator('#card-1 fieldset[id*="values"] input[type=text]').count();
  const before = await rows();
  await page.click('#r-1-filter-add');
  await page.waitForFunction((n) => document.querySelectorAll('#card-1 fieldset[id*="values"] input[type=text]').length === n + 1, before, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});
