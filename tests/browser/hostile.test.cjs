// Hostile text (issue 14): a stack whose every text field holds an injection payload, opened
// through a share link as a stranger would send it. Every panel and the diagram are visited,
// the SVG and the zip downloaded, and the SVG opened alone: no script may run, no dialog
// open, and the text must show literally.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

const TIMEOUT = 60000;
const env = h.suite('hostile-timings.json');
const LAB = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/ec2-lab/stack.json'), 'utf8'));

/** Each payload sets `window.__pwned` to its number if it ever runs. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'><svg onload=\"window.__pwned=3\"><script>window.__pwned=4</script></svg>",
  'javascript:window.__pwned=5',
  '</style><script>window.__pwned=6</script><style>',
  '</textarea><script>window.__pwned=7</script>',
  '<a href="javascript:window.__pwned=8">x</a>',
  ']]><script>window.__pwned=9</script><![CDATA[',
  '{{7*7}}${alert(10)}',
  'abc\u202Eevil\u2066\u202Bx',
];

function hostileStack() {
  const doc = JSON.parse(JSON.stringify(LAB));
  const [provider, ami, sg, key, inst, vol, , out1, out2] = doc.resources.map((r) => Object.values(r)[0]);
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  provider.default_tags = { Owner: next(), [next()]: 'key payload' };
  ami.filter[0].values.push(next());
  sg.name = next();
  sg.description = next();
  sg.ingress.forEach((r) => { r.description = next(); });
  sg.tags = { Name: next(), [next()]: next() };
  key.key_name = next();
  key.tags = { Name: next() };
  inst.tags = { Name: next(), Role: next() };
  inst.user_data = { script: `#!/bin/bash\necho '${PAYLOADS[0]}'\necho '${PAYLOADS[2]}'\n` };
  vol.tags = { Name: next() };
  out1.description = next();
  out2.description = next();
  // A construct id and a variable too (the ids of the diagram's boxes, the code's names).
  const victim = doc.resources[8].TerraformOutput;
  victim.id = 'out"><svg onload=window.__pwned=11>';
  return doc;
}

test('a share link full of injection payloads runs nothing, on any panel or download', async () => {
  // The sharer: the hostile stack saved, then shared through the page's own link.
  const sharer = await h.freshPage(env.browser);
  await h.seedStack(sharer.page, JSON.stringify(hostileStack()));
  await sharer.page.goto(env.server.url);
  await sharer.page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await sharer.page.click('#share');
  await sharer.page.waitForFunction(() => (document.querySelector('#share-link') || {}).value, null, { timeout: TIMEOUT });
  const link = await sharer.page.inputValue('#share-link');
  await sharer.context.close();
  assert.match(link, /#s[12]\./);

  const { context, page, errors } = await h.freshPage(env.browser);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(link);
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  const pwned = () => page.evaluate(() => window.__pwned);

  for (const tab of ['#tab-json', '#tab-hcl', '#tab-diagram', '#tab-checks']) {
    await page.click(tab);
    await page.waitForSelector(`${tab}[aria-selected="true"]`, { timeout: TIMEOUT });
  }
  await page.click('#tab-diagram');
  await page.waitForSelector('#panel-diagram svg', { timeout: TIMEOUT });
  // The diagram shows the text as text: its labels hold the payloads' characters.
  const svgText = await page.evaluate(() => document.querySelector('#panel-diagram svg').textContent);
  assert.ok(svgText.includes('<') || svgText.includes('…'), 'labels shown as text');
  assert.equal(await page.locator('#panel-diagram svg script, #panel-diagram svg foreignObject, #panel-diagram img').count(), 0);
  await page.click('#tab-checks');
  const checks = await page.textContent('#panel-checks');
  assert.match(checks, /U\+202E/, 'the direction control is named');
  await page.click('#tab-python');
  await page.waitForSelector('#code-python .cm-content', { timeout: TIMEOUT });
  const mainPy = await h.codeText(page, '#code-python');
  assert.ok(mainPy.includes('<script>window.__pwned=1</script>'), 'the code shows the payload literally');
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
  for (let i = 0; i < 9; i++) {
    if ((await page.locator(`#card-${i}-body`).count()) === 0) await page.click(`#card-${i} .card-toggle`);
  }
  assert.equal(await page.inputValue('#r-2-name'), PAYLOADS[n(hostileStack().resources[2].SecurityGroup.name)]);

  // Downloads: the SVG (then opened alone) and the zip.
  await page.click('#tab-diagram');
  const [svgDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-diagram-svg')]);
  const svgPath = path.join(h.ARTIFACTS, 'hostile-diagram.svg');
  await svgDownload.saveAs(svgPath);
  const [zipDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-zip')]);
  const zipPath = path.join(h.ARTIFACTS, 'hostile.zip');
  await zipDownload.saveAs(zipPath);
  const entries = h.readZip(fs.readFileSync(zipPath));
  const zipMain = Object.entries(entries).find(([name]) => name.endsWith('/main.py'));
  assert.ok(zipMain && zipMain[1].includes('window.__pwned=1'), 'the zip keeps the text as written');

  assert.equal(await pwned(), undefined, 'no payload ran in the page');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await h.screenshot(page, 'hostile-forms-1280');

  // The SVG alone, as a slide tool or a browser tab would open it.
  const alone = await context.newPage();
  alone.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await alone.goto(`file://${svgPath}`);
  await alone.waitForLoadState('load');
  assert.equal(await alone.evaluate(() => window.__pwned), undefined, 'the SVG opened alone runs nothing');
  assert.equal(await alone.evaluate(() => document.querySelectorAll('script, foreignObject').length), 0);
  assert.deepEqual(dialogs, []);
  await context.close();
});

/** The index in PAYLOADS of `text`. */
function n(text) {
  return PAYLOADS.indexOf(text);
}
