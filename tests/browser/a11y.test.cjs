// axe-core (npm, pinned in scripts/versions.sh) on every panel, in light and dark, at 1280
// and 360 px: no WCAG 2 A or AA violation. The code editor is checked with a mark of the
// reader shown, and the checks panel with its findings.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.cjs');

const TIMEOUT = 20000;
const AXE = require.resolve('axe-core/axe.min.js');
const env = h.suite('a11y-timings.json');

/** axe's WCAG A and AA violations on the page as it is, each as "rule: targets". */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found;
}

for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360]]) {
  test(`no WCAG AA violation on any panel (${scheme}, ${width} px)`, async () => {
    const { context, page, errors } = await h.freshPage(env.browser, { colorScheme: scheme, width, height: 800 });
    await page.goto(env.server.url);
    await page.waitForSelector('#code-json .cm-content', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'cdk.tf.json');
    // The toolbar's menus, open.
    await page.evaluate(() => document.querySelectorAll('details.menu').forEach((d) => { d.open = true; }));
    assert.deepEqual(await violations(page), [], 'the toolbar menus open');
    await page.evaluate(() => document.querySelectorAll('details.menu').forEach((d) => { d.open = false; }));

    await page.click('#tab-python');
    await page.waitForSelector('#code-python .cm-content', { timeout: TIMEOUT });
    // A mark of the reader, as the learner sees one.
    await page.evaluate(() => {
      const handle = document.querySelector('#code-python').editorHandle;
      handle.focusAt(handle.text().indexOf('from_port=22') + 'from_port=22'.length);
    });
    await page.keyboard.type(' +');
    await page.waitForSelector('#code-python .cm-lintRange-error', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'main.py with an error');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.waitForSelector('#code-python .cm-lintRange-error', { state: 'detached', timeout: TIMEOUT });

    await page.click('#tab-hcl');
    await page.waitForSelector('#code-hcl .cm-content', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'main.tf');

    await page.click('#tab-forms');
    await page.waitForSelector('#card-0', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'forms');

    await page.click('#tab-diagram');
    await page.waitForSelector('#panel-diagram svg', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'diagram');

    await page.click('#tab-checks');
    await page.waitForSelector('#checks-summary', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'checks');

    await page.click('#tab-lab');
    await page.waitForSelector('.lab-step', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'lab');

    await page.click('#tab-deploy');
    await page.waitForSelector('#mark-deployed', { timeout: TIMEOUT });
    await page.click('#mark-deployed');
    await page.waitForSelector('#plan-summary', { timeout: TIMEOUT });
    // A change to show: the SSH port of the lab's security group.
    await page.click('#tab-forms');
    await page.fill('#r-2-ingress-0--from-port', '2222');
    await page.click('#tab-deploy');
    await page.waitForSelector('.plan-change', { timeout: TIMEOUT });
    assert.deepEqual(await violations(page), [], 'deploy preview and cost');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
