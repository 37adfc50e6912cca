// The playground in a real headless Chromium: every behaviour issue 5 lists.
// Run by scripts/test.sh after `trunk build --release` (dist/). Each step waits for a
// condition of the page, never for a fixed time.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

const GOLDEN_FIXTURE = path.join(h.ROOT, 'tests', 'fixtures', 'ec2-lab', 'cdk.tf.json');
const GOLDEN = fs.readFileSync(GOLDEN_FIXTURE, 'utf8');
const STACK_KEY = 'ec2-playground:stack:v1';
const BACKUP_KEY = 'ec2-playground:stack:v1:backup';
const TIMEOUT = 20000;
// The lab's security group is its third resource; its first inbound rule is SSH.
const SG = 2;
const FROM_PORT = `#r-${SG}-ingress-0--from-port`;
const TO_PORT = `#r-${SG}-ingress-0--to-port`;

const env = h.suite('timings.json');

const jsonText = (page) => h.codeText(page, '#code-json');

async function waitJson(page, predicate, arg) {
  await page.waitForFunction(
    ([src, a]) => {
      const el = document.querySelector('#code-json');
      if (!el) return false;
      // eslint-disable-next-line no-new-func
      return new Function('text', 'arg', src)(el.editorHandle ? el.editorHandle.text() : el.textContent, a);
    },
    [predicate, arg],
    { timeout: TIMEOUT },
  );
}

/** Opens the page on the lab and shows the forms (the editor side opens on main.py). */
async function openLab(page, url = env.server.url) {
  await page.goto(url);
  await waitJson(page, 'return text === arg', GOLDEN);
  await showForms(page);
}

async function showForms(page) {
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
}

test('the page opens on the lab, and its JSON panel is the real cdktf golden byte for byte', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  const t0 = Date.now();
  await page.goto(env.server.url);
  await waitJson(page, 'return text === arg', GOLDEN);
  const sinceNavigation = await page.evaluate(() => performance.now());
  env.timings.lab_json_shown_ms = Math.round(sinceNavigation);
  env.timings.lab_json_shown_wall_ms = Date.now() - t0;
  assert.equal(await jsonText(page), GOLDEN);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing a port changes the JSON at once; a bad value says why and keeps the last good JSON', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.fill(FROM_PORT, '2222');
  await page.fill(TO_PORT, '2222');
  await waitJson(page, 'const r = JSON.parse(text).resource.aws_security_group.web_sg.ingress[0]; return r.from_port === 2222 && r.to_port === 2222');
  const good = await jsonText(page);
  await page.fill(FROM_PORT, '22x');
  await page.waitForSelector(`${FROM_PORT}-err`, { timeout: TIMEOUT });
  assert.equal(await page.getAttribute(FROM_PORT, 'aria-invalid'), 'true');
  assert.equal(await jsonText(page), good, 'the panel keeps the last good output');
  await page.fill(FROM_PORT, '2022');
  await waitJson(page, 'return JSON.parse(text).resource.aws_security_group.web_sg.ingress[0].from_port === 2022');
  assert.equal(await page.locator(`${FROM_PORT}-err`).count(), 0);
  await page.click('#tab-python');
  await page.waitForFunction(() => {
    const py = document.querySelector('#code-python');
    return py && (py.editorHandle ? py.editorHandle.text() : py.textContent).includes('SecurityGroupIngress(') && (py.editorHandle ? py.editorHandle.text() : py.textContent).includes('2022');
  }, null, { timeout: TIMEOUT });
  const py = await h.codeText(page, '#code-python');
  assert.match(py, /from_port=2022/);
  assert.doesNotMatch(py, /from_port=22,/);
  await showForms(page);
  await page.fill(FROM_PORT, '2200');
  await page.click('#tab-python');
  await page.waitForFunction(() => ((el) => el.editorHandle ? el.editorHandle.text() : el.textContent)(document.querySelector('#code-python')).includes('from_port=2200'), null, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a synth error shows beside its field and the panel keeps the last good JSON', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  // Renaming the volume "data" takes its references along (issue 12, friction 2)...
  await page.fill('#r-5-id', 'disk');
  await waitJson(page, 'return text.includes(\'"volume_id": "${aws_ebs_volume.disk.id}"\')');
  assert.equal(await page.locator('.stale').count(), 0, 'no dangling reference');
  await page.fill('#r-5-id', 'data');
  await waitJson(page, 'return text === arg', GOLDEN);
  // ...but not onto another resource's name: two constructs named "web" is a synth error.
  await page.fill('#r-5-id', 'web');
  await page.waitForSelector('#r-5-id-err', { timeout: TIMEOUT });
  await page.waitForSelector('.stale', { timeout: TIMEOUT });
  assert.equal(await jsonText(page), GOLDEN);
  assert.equal(await page.isDisabled('#download-zip'), true, 'no download of a stack that does not synthesize');
  await page.click('#tab-python');
  await page.waitForSelector('#code-python', { timeout: TIMEOUT });
  assert.match(await h.codeText(page, '#code-python'), /vol = EbsVolume\(\s*self,\s*"data"/, 'main.py of the last valid stack');
  await page.waitForSelector('#panel-python .stale', { timeout: TIMEOUT });
  await showForms(page);
  await page.fill('#r-5-id', 'data');
  await page.waitForSelector('.stale', { state: 'detached', timeout: TIMEOUT });
  // Whatever is typed, the page stays up and says why beside the field.
  for (const [field, value, error] of [
    ['#stack-name', 'mon lab', '#stack-name-err'],
    ['#stack-name', '', '#stack-name-err'],
    ['#r-4-id', 'Default', '#r-4-id-err'],
    ['#r-4-id', '', '#r-4-id-err'],
  ]) {
    await page.fill(field, value);
    await page.waitForSelector(error, { timeout: TIMEOUT });
    assert.equal(await jsonText(page), GOLDEN, `${field} = ${JSON.stringify(value)} keeps the last good JSON`);
    await page.fill(field, field === '#stack-name' ? 'ec2-lab' : 'web');
    await waitJson(page, 'return text === arg', GOLDEN);
  }
  await page.fill('#r-4-user-data-script', '#!/bin/bash\necho "${HOME}" \u2028 \u0007 é 🚀\n');
  // The JSON escapes the script as JSON.stringify does (cdktf is JavaScript).
  await waitJson(page, 'return text.includes(arg)', JSON.stringify('echo "${HOME}" \u2028 \u0007 é 🚀').slice(1, -1));
  assert.deepEqual(errors, []);
  await context.close();
});

test('adding an inbound rule adds it to the JSON', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.click(`#r-${SG}-ingress-add`);
  await waitJson(page, 'const r = JSON.parse(text).resource.aws_security_group.web_sg.ingress; return r.length === 3 && r[2].from_port === 443');
  await page.fill(`#r-${SG}-ingress-2--from-port`, '8080');
  await page.fill(`#r-${SG}-ingress-2--to-port`, '8080');
  await waitJson(page, 'const r = JSON.parse(text).resource.aws_security_group.web_sg.ingress[2]; return r.from_port === 8080 && r.to_port === 8080 && r.protocol === "tcp"');
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching the language changes the page and is remembered', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  assert.equal(await page.textContent('#tab-checks'), 'Vérifications');
  await h.chooseSetting(page, '#lang-select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: TIMEOUT });
  assert.equal(await page.textContent('#tab-checks'), 'Checks');
  assert.equal(await page.getAttribute('#reset', 'aria-label'), 'Reset');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#code-json'), null, { timeout: TIMEOUT });
  assert.equal(await jsonText(page), GOLDEN, 'the language does not touch the output');
  // Light/dark follows the system until the switch says otherwise, and the choice is kept.
  assert.equal(await page.getAttribute('html', 'data-theme'), 'system');
  await h.chooseSetting(page, '#theme-select', 'dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, { timeout: TIMEOUT });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 22, 28)', 'dark colours although the system is light');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && document.documentElement.lang === 'en', null, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the browser language decides when the learner has not', async () => {
  const { context, page } = await h.freshPage(env.browser, { locale: 'en-GB' });
  await openLab(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
  const other = await h.freshPage(env.browser, { locale: 'de-DE' });
  await openLab(other.page);
  assert.equal(await other.page.getAttribute('html', 'lang'), 'fr', 'French unless the browser asks for English');
  await other.context.close();
});

test('a reload keeps an edit', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.fill(FROM_PORT, '2200');
  await waitJson(page, 'return JSON.parse(text).resource.aws_security_group.web_sg.ingress[0].from_port === 2200');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('2200'), STACK_KEY, { timeout: TIMEOUT });
  await page.reload();
  await waitJson(page, 'return JSON.parse(text).resource.aws_security_group.web_sg.ingress[0].from_port === 2200');
  await showForms(page);
  assert.equal(await page.inputValue(FROM_PORT), '2200');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link opened in a fresh profile shows the same stack', async () => {
  const first = await h.freshPage(env.browser);
  await openLab(first.page);
  await first.page.fill(FROM_PORT, '2345');
  await first.page.fill(`#r-${SG}-ingress-0--description`, 'SSH (partagé)');
  await waitJson(first.page, 'return JSON.parse(text).resource.aws_security_group.web_sg.ingress[0].from_port === 2345 && text.includes("partagé")');
  const json = await jsonText(first.page);
  await first.page.click('#share');
  await first.page.waitForFunction(() => (document.querySelector('#share-link') || {}).value, null, { timeout: TIMEOUT });
  const link = await first.page.inputValue('#share-link');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s1\.[A-Za-z0-9_-]+$/);
  await first.page.waitForSelector('#share-status', { timeout: TIMEOUT });
  const clip = await first.page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
  if (clip !== null) assert.equal(clip, link, 'the link is on the clipboard');
  await first.context.close();

  const fresh = await h.freshPage(env.browser);
  await fresh.page.goto(link);
  await waitJson(fresh.page, 'return text === arg', json);
  assert.equal(await fresh.page.locator('#shared-offer').count(), 0, 'nothing to protect in a fresh profile');
  // The shared stack is now this profile's work: it survives a reload without the link.
  await fresh.page.waitForFunction(() => location.hash === '', null, { timeout: TIMEOUT });
  await fresh.page.reload();
  await waitJson(fresh.page, 'return text === arg', json);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

test('a share link never silently replaces saved work: keep or restore', async () => {
  const sharer = await h.freshPage(env.browser);
  await openLab(sharer.page);
  await sharer.page.selectOption('#example-select', 'two-azs');
  await sharer.page.click('#load-example');
  await waitJson(sharer.page, 'return text.includes("ec2-two-azs")');
  const shared = await jsonText(sharer.page);
  await sharer.page.click('#share');
  await sharer.page.waitForFunction(() => (document.querySelector('#share-link') || {}).value, null, { timeout: TIMEOUT });
  const link = await sharer.page.inputValue('#share-link');
  await sharer.context.close();

  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.fill(FROM_PORT, '2022');
  await waitJson(page, 'return JSON.parse(text).resource.aws_security_group.web_sg.ingress[0].from_port === 2022');
  const mine = await jsonText(page);
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('2022'), STACK_KEY, { timeout: TIMEOUT });
  const saved = await page.evaluate((k) => localStorage.getItem(k), STACK_KEY);

  await page.goto(link);
  await page.reload();
  await waitJson(page, 'return text === arg', shared);
  await page.waitForSelector('#shared-offer', { timeout: TIMEOUT });
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STACK_KEY), saved, 'saved work untouched');
  await h.screenshot(page, 'shared-offer-fr-1280');
  await page.click('#restore-saved');
  await waitJson(page, 'return text === arg', mine);
  await page.waitForSelector('#shared-offer', { state: 'detached', timeout: TIMEOUT });

  await page.goto(link);
  await page.reload();
  await page.waitForSelector('#shared-offer', { timeout: TIMEOUT });
  await page.click('#keep-shared');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('ec2-two-azs'), STACK_KEY, { timeout: TIMEOUT });
  await page.reload();
  await waitJson(page, 'return text === arg', shared);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken or too long link gives a clear message, not a blank page', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(`${env.server.url}#s1.AAAAAAAA`);
  await page.waitForSelector('#notice-link-broken', { timeout: TIMEOUT });
  await waitJson(page, 'return text === arg', GOLDEN);
  assert.match(await page.textContent('#notice-link-broken'), /lien/i);
  await page.goto(`${env.server.url}#s1.${'A'.repeat(20000)}`);
  await page.reload();
  await page.waitForSelector('#notice-link-broken', { timeout: TIMEOUT });
  assert.match(await page.textContent('#notice-link-broken'), /20003/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupted saved stack leads to the notice, the lab, and loses nothing', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  const broken = '{"version": 1, "name": "mine", "resources": [{"Instance": {"id": ';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STACK_KEY, broken]);
  await page.reload();
  await page.waitForSelector('#notice-saved-unreadable', { timeout: TIMEOUT });
  await waitJson(page, 'return text === arg', GOLDEN);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY), broken);
  assert.match(await page.textContent('#notice-saved-unreadable'), new RegExp(BACKUP_KEY));
  await h.screenshot(page, 'corrupted-notice-fr-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed mode shows only the chosen panel, read-only, with a link to the playground', async () => {
  const sharer = await h.freshPage(env.browser);
  await openLab(sharer.page);
  await sharer.page.click('#share');
  await sharer.page.waitForFunction(() => (document.querySelector('#share-link') || {}).value, null, { timeout: TIMEOUT });
  const fragment = new URL(await sharer.page.inputValue('#share-link')).hash;
  await sharer.context.close();

  const { context, page, errors } = await h.freshPage(env.browser, { width: 600, height: 400 });
  await page.goto(`${env.server.url}?embed=1&panel=json&readonly=1&lang=en${fragment}`);
  await waitJson(page, 'return text === arg', GOLDEN);
  assert.equal(await page.locator('.toolbar').count(), 0);
  assert.equal(await page.locator('.editor').count(), 0);
  assert.equal(await page.locator('[role="tablist"]').count(), 0);
  assert.equal(await page.locator('#panel-json').count(), 1);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const href = await page.getAttribute('#open-playground', 'href');
  assert.ok(href.startsWith(env.server.url) && href.includes('#s1.'), href);
  assert.ok(!href.includes('embed=1'));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STACK_KEY), null, 'an embed never saves');
  await h.screenshot(page, 'embed-json-en-600x400');

  for (const panel of ['python', 'diagram', 'checks']) {
    await page.goto(`${env.server.url}?embed=1&panel=${panel}&lang=fr${fragment}`);
    await page.reload();
    await page.waitForSelector(`#panel-${panel}`, { timeout: TIMEOUT });
    assert.equal(await page.locator('#code-json').count(), 0);
    assert.equal(await page.locator('.editor').count(), 0);
    assert.equal(await page.locator('.panels').count(), 1);
    await h.screenshot(page, `embed-${panel}-fr-600x400`);
  }
  assert.match(await page.textContent('#panel-checks'), /avertissement|erreur/);

  await page.goto(`${env.server.url}?embed=1&readonly=1${fragment}`);
  await page.reload();
  await waitJson(page, 'return text === arg', GOLDEN);
  // The editor side opens on main.py, read-only, with no import; the forms are disabled.
  await page.waitForSelector('#code-python .cm-content[aria-readonly="true"]', { timeout: TIMEOUT });
  assert.equal(await page.locator('#import-py').count(), 0, 'no import in a read-only frame');
  await page.click('#tab-forms');
  await page.waitForSelector('.editor', { timeout: TIMEOUT });
  assert.equal(await page.locator('.editor fieldset[disabled]').count() > 0, true, 'read-only forms');
  assert.deepEqual(errors, []);
  await context.close();
});


test('the downloaded zip is a valid zip holding main.py, and cdk.tf.json downloads as shown', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.click('#tab-python');
  await page.waitForSelector('#code-python', { timeout: TIMEOUT });
  const mainPy = await h.codeText(page, '#code-python');
  const [zipDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-zip')]);
  assert.equal(zipDownload.suggestedFilename(), 'ec2-lab.zip');
  const zipPath = path.join(h.ARTIFACTS, 'ec2-lab.zip');
  await zipDownload.saveAs(zipPath);
  const entries = h.readZip(fs.readFileSync(zipPath));
  assert.ok('ec2-lab/main.py' in entries, Object.keys(entries).join(', '));
  assert.equal(entries['ec2-lab/main.py'], mainPy, 'the zip holds the main.py shown');
  assert.ok('ec2-lab/cdktf.json' in entries);
  assert.match(mainPy, /^class MyStack\(TerraformStack\):$/m);
  assert.match(mainPy, /^MyStack\(app, "ec2-lab"\)$/m);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-json')]);
  assert.equal(jsonDownload.suggestedFilename(), 'cdk.tf.json');
  const jsonPath = path.join(h.ARTIFACTS, 'cdk.tf.json');
  await jsonDownload.saveAs(jsonPath);
  assert.equal(fs.readFileSync(jsonPath, 'utf8'), GOLDEN);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the checks panel counts the findings and takes the learner to the field; the diagram is drawn', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openLab(page);
  await page.click('#tab-checks');
  await page.waitForSelector('#checks-summary', { timeout: TIMEOUT });
  const first = page.locator('.diagnostic .diagnostic-target').first();
  assert.ok((await page.locator('.diagnostic').count()) >= 1, 'the lab raises at least its open SSH rule');
  await first.click();
  await page.waitForFunction(() => document.activeElement && document.activeElement.closest('.cards > .card'), null, { timeout: TIMEOUT });
  // Open the world to RDP: one more warning, shown beside the port too.
  const before = await page.locator('.diagnostic').count();
  await page.fill(FROM_PORT, '3389');
  await page.fill(TO_PORT, '3389');
  await page.waitForFunction((n) => document.querySelectorAll('.diagnostic').length >= n, before, { timeout: TIMEOUT });
  await page.click('#tab-diagram');
  await page.waitForSelector('#diagram svg', { timeout: TIMEOUT });
  assert.match(await page.textContent('#diagram svg title'), /ec2-lab/);
  await h.screenshot(page, 'diagram-fr-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every control has a name for screen readers, and the tabs work with the keyboard', async () => {
  for (const locale of ['fr-FR', 'en-US']) {
    const { context, page, errors } = await h.freshPage(env.browser, { locale });
    await openLab(page);
    await page.selectOption('#example-select', 'database');
    await page.click('#load-example');
    await waitJson(page, 'return text.includes("ec2-database")');
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => !el.closest('[hidden]'))
        .filter((el) => {
          const name = (el.getAttribute('aria-label') || '').trim()
            || [...(el.labels || [])].map((l) => l.textContent.trim()).join(' ')
            || (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim()
            || (el.tagName === 'BUTTON' ? el.textContent.trim() : '');
          return !name;
        })
        .map((el) => el.outerHTML.slice(0, 120)));
    assert.deepEqual(unnamed, [], `${locale}: controls without a name`);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, 'element ids are unique');
    // Tabs: focus the selected one, move with the arrow keys, activate.
    await page.focus('#tab-json');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#panel-hcl', { timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-hcl');
    // The editor side's tabs: main.py and the forms.
    await page.focus('#tab-forms');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#code-python', { timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-python');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#card-2', { timeout: TIMEOUT });
    await page.focus('#tab-diagram');
    await page.keyboard.press('End');
    await page.waitForSelector('#cost-total', { timeout: TIMEOUT });
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#lab-progress', { timeout: TIMEOUT });
    await page.keyboard.press('Home');
    await page.waitForSelector('#code-json', { timeout: TIMEOUT });
    // A card folds and unfolds from the keyboard.
    await page.focus('#card-2 .card-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#card-2-body', { state: 'detached', timeout: TIMEOUT });
    assert.equal(await page.getAttribute('#card-2 .card-toggle', 'aria-expanded'), 'false');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#card-2-body', { timeout: TIMEOUT });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('screenshots at 360, 1280 and 1920 px, in French and English, light and dark', async () => {
  for (const [locale, lang] of [['fr-FR', 'fr'], ['en-US', 'en']]) {
    for (const [width, height] of [[360, 780], [1280, 800], [1920, 1080]]) {
      const scheme = width === 1920 ? 'dark' : 'light';
      const { context, page, errors } = await h.freshPage(env.browser, { locale, width, height, colorScheme: scheme });
      await openLab(page);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (${overflow}px too wide)`);
      await h.screenshot(page, `lab-${lang}-${width}-${scheme}`);
      if (width === 1280) {
        await page.locator('#card-2').screenshot({ path: path.join(h.ARTIFACTS, `security-group-card-${lang}-1280.png`) });
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
