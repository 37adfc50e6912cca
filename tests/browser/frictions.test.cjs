// The frictions of issue 12 that scale.test.cjs and playground.test.cjs do not cover: yes/no
// kwargs, Python names, a notice that goes away, embeds, direction controls, compact cards,
// the toolbar, and the code views marking what changed.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

const TIMEOUT = 60000;
const env = h.suite('frictions-timings.json');
const LAB = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/ec2-lab/stack.json'), 'utf8'));

/**
 * The choices of the toolbar's pickers (examples, project kind) that do not show whole:
 * each option's text, in the select's font, against its box less padding and arrow.
 */
function cutChoices(page) {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    const out = [];
    for (const id of ['example-select', 'export-kind']) {
      const sel = document.getElementById(id);
      const st = getComputedStyle(sel);
      ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      const room = sel.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 16;
      for (const o of sel.options) {
        const w = ctx.measureText(o.text).width;
        if (w > room) out.push(`${id}: "${o.text}" ${Math.round(w)} px > ${Math.round(room)} px`);
      }
    }
    return out;
  });
}

async function openForms(page, url) {
  await page.goto(url || env.server.url);
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await page.click('#tab-forms');
  await page.waitForSelector('#card-4', { timeout: TIMEOUT });
}

test('compact cards: unset kwargs wait in "add a setting", which shows the field and focuses it', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openForms(page);
  // The lab's instance sets no monitoring: no field, but the menu offers it, explained.
  assert.equal(await page.locator('#r-4-monitoring').count(), 0);
  const offered = await page.locator('#r-4-add-setting option').allTextContents();
  assert.ok(offered.some((t) => /Supervision détaillée \(monitoring\) — métriques à la minute/.test(t)), offered.join(' | '));
  assert.ok(!offered.some((t) => /\(user_data\)/.test(t)), 'a kwarg the lab sets is not offered again');
  await page.selectOption('#r-4-add-setting', 'monitoring');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'r-4-monitoring', null, { timeout: TIMEOUT });
  // Friction 5: monitoring (unset means false) is one checkbox; ticking it writes True.
  assert.equal(await page.getAttribute('#r-4-monitoring', 'type'), 'checkbox');
  await page.check('#r-4-monitoring');
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"monitoring": true'), null, { timeout: TIMEOUT });
  // associate_public_ip_address (unset follows the subnet) keeps its three states.
  await page.selectOption('#r-4-add-setting', 'associate_public_ip_address');
  const states = await page.locator('#r-4-associate-public-ip-address option').allTextContents();
  assert.equal(states.length, 3, states.join(' | '));
  // The lab's page: the forms side is far shorter than the old nine screens.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  env.timings.lab_forms_page_height_px = height;
  assert.deepEqual(errors, []);
  await h.screenshot(page, 'compact-cards-fr-1280');
  await context.close();
});

test('"fold all" puts the lab\'s forms on one screen of card heads; "unfold all" opens them again', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openForms(page);
  const cards = await page.locator('.cards > .card').count();
  assert.equal(await page.locator('.card-body').count(), cards, 'the lab opens with every card open');
  const open = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.click('#fold-all');
  await page.waitForFunction(() => document.querySelectorAll('.card-body').length === 0, null, { timeout: TIMEOUT });
  assert.equal(await page.locator('.cards > .card').count(), cards, 'folding keeps every card');
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);
  env.timings.lab_forms_folded_height_px = folded;
  assert.ok(folded <= 800 * 1.25, `folded, the lab's forms are about one screen (${folded} px, open ${open} px)`);
  assert.equal(await page.getAttribute('#card-4 .card-toggle', 'aria-expanded'), 'false');
  await h.screenshot(page, 'forms-folded-fr-1280');
  // One card opened by its head, then everything again.
  await page.click('#card-4 .card-toggle');
  await page.waitForSelector('#card-4-body', { timeout: TIMEOUT });
  assert.equal(await page.locator('.card-body').count(), 1);
  await page.click('#unfold-all');
  await page.waitForFunction((n) => document.querySelectorAll('.card-body').length === n, cards, { timeout: TIMEOUT });
  // Folding lost nothing: an edit in a reopened card reaches the JSON.
  await page.fill('#r-2-ingress-0--from-port', '2222');
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"from_port": 2222'), null, { timeout: TIMEOUT });
  // The choice is for the stack it was made on: another stack opens as it would anyway.
  await page.click('#fold-all');
  await page.waitForFunction(() => document.querySelectorAll('.card-body').length === 0, null, { timeout: TIMEOUT });
  await page.selectOption('#example-select', 'two-azs');
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"from_port": 2222') === false, null, { timeout: TIMEOUT });
  const loaded = await page.locator('.cards > .card').count();
  assert.ok(loaded > 0 && loaded <= 16);
  await page.waitForFunction((n) => document.querySelectorAll('.card-body').length === n, loaded, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name main.py must change says so under its field (friction 6)', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openForms(page);
  await page.fill('#r-4-var', 'mon instance');
  await page.waitForSelector('#r-4-var-note', { timeout: TIMEOUT });
  assert.match(await page.textContent('#r-4-var-note'), /main\.py écrit « mon_instance »/);
  assert.match(await page.getAttribute('#r-4-var', 'aria-describedby'), /r-4-var-note/);
  await page.fill('#r-4-var', 'mon_instance');
  await page.waitForSelector('#r-4-var-note', { state: 'detached', timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the undo offer goes away by itself, but not while the pointer is on it (friction 7)', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openForms(page);
  await page.click('#card-8 .icon-button.danger');
  await page.waitForSelector('#undo-notice', { timeout: TIMEOUT });
  await page.hover('#undo-notice');
  // Held: still there after the time it would have gone (8 s), measured by the page's clock.
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction((t) => performance.now() - t > 9000, t0, { timeout: TIMEOUT, polling: 500 });
  assert.equal(await page.locator('#undo-notice').count(), 1, 'held while hovered');
  await page.mouse.move(5, 795);
  await page.waitForSelector('#undo-notice', { state: 'detached', timeout: 15000 });
  // The warnings stay until closed: the checks still sort errors first (friction 7).
  assert.deepEqual(errors, []);
  await context.close();
});

test('direction controls are named by the checks and drawn visibly in the code (friction 10)', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  const doc = JSON.parse(JSON.stringify(LAB));
  doc.resources[2].SecurityGroup.description = 'Allow SSH \u202Eetirw ot nepo';
  await h.seedStack(page, JSON.stringify(doc));
  await page.goto(env.server.url);
  await page.waitForSelector('#code-json .cm-content', { timeout: TIMEOUT });
  await page.click('#tab-checks');
  await page.waitForSelector('#checks-summary', { timeout: TIMEOUT });
  assert.match(await page.textContent('#panel-checks'), /U\+202E/);
  await page.click('#tab-json');
  // CodeMirror draws it as a special character, not as an invisible reordering (it lays out
  // only the lines in view: bring that line into view first).
  await page.waitForFunction(() => document.querySelector('#code-json').editorHandle, null, { timeout: TIMEOUT });
  await page.evaluate(() => {
    const handle = document.querySelector('#code-json').editorHandle;
    handle.focusAt(handle.text().indexOf('\u202E'));
  });
  await page.waitForSelector('#code-json .cm-specialChar', { timeout: TIMEOUT });
  const title = await page.getAttribute('#code-json .cm-specialChar', 'title');
  assert.match(title, /right-to-left override/i);
  await page.click('#tab-forms');
  await page.waitForSelector('#r-2-description', { timeout: TIMEOUT });
  assert.match(await page.textContent('#card-2'), /U\+202E/, 'the field says so beside itself');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embeds: a read-only frame shows the outputs first; main.py downloads (friction 9)', async () => {
  const { context, page, errors } = await h.freshPage(env.browser, { width: 600, height: 500 });
  await page.goto(`${env.server.url}?embed=1&readonly=1`);
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  const [outputsTop, workbenchTop] = await page.evaluate(() => [
    document.querySelector('#outputs').getBoundingClientRect().top,
    document.querySelector('.workbench').getBoundingClientRect().top,
  ]);
  assert.ok(outputsTop < workbenchTop, `outputs (${outputsTop}) above the code (${workbenchTop})`);
  await page.goto(`${env.server.url}?embed=1&panel=python`);
  await page.reload();
  await page.waitForSelector('#download-python', { timeout: TIMEOUT });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-python')]);
  assert.equal(download.suggestedFilename(), 'main.py');
  const saved = path.join(h.ARTIFACTS, 'embed-main.py');
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved, 'utf8'), await h.codeText(page, '#code-python'), 'the main.py shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under 1240 px the toolbar takes two or three rows (phone to small laptop), nothing overlapping, cut or past the edge, in both languages', async () => {
  // Pickers keep the width of their longest choice and grow into what is left.
  // width: most rows (320 and 360 px: phones; 481: a big phone; 768: a tablet or a frame;
  // 1000 and 1239: a small laptop, where one row ran past the edge).
  for (const [width, most] of [[360, 3], [320, 3], [481, 3], [768, 2], [1000, 2], [1239, 2]]) {
    for (const locale of ['fr-FR', 'en-GB']) {
      const { context, page, errors } = await h.freshPage(env.browser, { locale, width, height: 800 });
      await page.goto(env.server.url);
      await page.waitForSelector('#code-json', { timeout: TIMEOUT });
      const layout = await page.evaluate(() => {
        const box = (s) => document.querySelector(s).getBoundingClientRect();
        const parts = ['.toolbar .title', '#export-info-summary', '#settings > summary', '#example-select', '#load-example',
          '#reset', '#share', '#export-kind', '#download-zip'];
        const boxes = parts.map((s) => [s, box(s)]);
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, p] = boxes[i];
            const [b, q] = boxes[j];
            if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) overlaps.push(`${a} / ${b}`);
          }
        }
        const rows = new Set(boxes.map(([, r]) => Math.round((r.top + r.bottom) / 2 / 10))).size;
        const outside = boxes.filter(([, r]) => r.right > window.innerWidth + 0.5).map(([s]) => s);
        return { height: box('.toolbar').height, overlaps, rows, outside, sideways: document.documentElement.scrollWidth > window.innerWidth };
      });
      const at = `${locale} at ${width} px`;
      assert.deepEqual(layout.overlaps, [], at);
      assert.deepEqual(layout.outside, [], at);
      assert.equal(layout.sideways, false, `${at}: the page scrolls sideways`);
      assert.ok(layout.rows <= most, `${at}: ${layout.rows} rows`);
      assert.ok(layout.height < 30 + 40 * most, `${at}: toolbar ${layout.height} px high`);
      // Each picker shows its longest choice whole (at 360 px "Lab du m" and "cdktf (le cour" were cut).
      assert.deepEqual(await cutChoices(page), [], `${at}: a choice cut in the toolbar`);
      // The download button's short text on a phone still names the project for a screen reader.
      assert.match(await page.getAttribute('#download-zip', 'aria-label'), locale === 'fr-FR' ? /Télécharger le projet/ : /Download the project/);
      if (width === 360) {
        env.timings[`toolbar_360_height_px_${locale}`] = layout.height;
        await h.screenshot(page, `toolbar-${locale.slice(0, 2)}-360`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('the toolbar is one row at 1280 px with one primary action; the code marks what changed', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openForms(page);
  const rows = await page.evaluate(() => {
    const tops = [...document.querySelectorAll('.toolbar .actions > *, .toolbar .title')]
      .filter((e) => e.getBoundingClientRect().height > 0)
      .map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
    return Math.max(...tops) - Math.min(...tops);
  });
  assert.ok(rows < 20, `every part of the toolbar on one line (centres ${rows} px apart)`);
  assert.equal(await page.locator('.toolbar button.primary').count(), 1);
  assert.equal(await page.locator('.toolbar #download-json').count(), 0, 'cdk.tf.json downloads from its panel');
  assert.equal(await page.isVisible('#lang-select'), false, 'language and theme out of the way');
  // The pickers show their choices whole, in both languages: each option's text, in the
  // select's font, fits its box less its padding and arrow.
  for (const lang of ['fr', 'en']) {
    if (lang === 'en') {
      await h.chooseSetting(page, '#lang-select', 'en');
      await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: TIMEOUT });
    }
    const cut = await cutChoices(page);
    assert.deepEqual(cut, [], `${lang}: a choice cut in the toolbar`);
  }
  // A form edit: the JSON marks the changed line and shows it.
  await page.fill('#r-2-ingress-0--from-port', '2222');
  await page.waitForSelector('#code-json .cm-changed-line', { timeout: TIMEOUT });
  assert.match(await page.textContent('#code-json .cm-changed-line'), /2222/);
  await h.screenshot(page, 'toolbar-fr-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing under 1000 px keeps the page where the learner types (the JSON below marks the change without moving it)', async () => {
  const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const json = (page, text) => page.waitForFunction((t) => {
    const view = document.querySelector('#code-json');
    return view && view.editorHandle && view.editorHandle.text().includes(t);
  }, text, { timeout: TIMEOUT });
  // A form at 768 px: the panels are one under the other (each keystroke carried the page
  // 3,000 px down to the JSON).
  {
    const { context, page, errors } = await h.freshPage(env.browser, { width: 768, height: 800 });
    await openForms(page);
    await page.locator('#r-2-ingress-0--from-port').scrollIntoViewIfNeeded();
    await page.click('#r-2-ingress-0--from-port');
    await page.keyboard.press('End');
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.type('2');
    await json(page, '"from_port": 222,');
    await frames(page);
    assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not move');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'r-2-ingress-0--from-port');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // main.py at 360 px.
  {
    const { context, page, errors } = await h.freshPage(env.browser, { width: 360, height: 780 });
    await page.goto(env.server.url);
    await json(page, 'aws_instance');
    await page.waitForFunction(() => (document.querySelector('#code-python') || {}).editorHandle, null, { timeout: TIMEOUT });
    await page.evaluate(() => {
      const handle = document.querySelector('#code-python').editorHandle;
      handle.focusAt(handle.text().indexOf('from_port=22') + 'from_port=22'.length);
    });
    await frames(page);
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.type('0');
    await json(page, '"from_port": 220,');
    await frames(page);
    assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not move');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
