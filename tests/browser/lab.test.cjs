// Issue 16, the guided lab: its steps ticked live, its templates, one-click fixes, and what
// `cdktf deploy` would do and cost. Each test starts from a fresh profile.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness.cjs');

const TIMEOUT = 30000;
const env = h.suite('lab-timings.json');
const GOLDEN = fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/ec2-lab/cdk.tf.json'), 'utf8');
const COURSE = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'labs/module-2-ec2.json'), 'utf8'));
const TEACHER_LAB = path.join(h.ROOT, 'tests/labs/two-zones.json');
const LAB_PY = fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/ec2-lab/main.py'), 'utf8');

async function open(page, url) {
  await page.goto(url || env.server.url);
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
}

async function jsonIs(page, want) {
  await page.click('#tab-json');
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector('#code-json');
      return el && el.editorHandle && el.editorHandle.text() === w;
    },
    want,
    { timeout: TIMEOUT },
  );
}

test('from an empty stack, the lab\'s templates alone tick every step and give the golden JSON', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await open(page);
  await page.click('#tab-lab');
  await page.waitForSelector('#lab-start', { timeout: TIMEOUT });
  // The course lab is shown on the lab stack the page opens with: its stack steps are done.
  const stackSteps = COURSE.steps.filter((s) => !s.commands);
  const commandSteps = COURSE.steps.filter((s) => s.commands);
  assert.equal(await page.locator('.lab-step').count(), COURSE.steps.length);
  assert.equal(await page.locator('.lab-step.done').count(), stackSteps.length);

  await page.click('#lab-start');
  await page.waitForFunction((n) => document.querySelectorAll('.lab-step.todo').length === n, COURSE.steps.length, { timeout: TIMEOUT });
  assert.match(await page.textContent('#lab-progress'), /0 étape sur \d+ faite/);
  // The instance step waits for the AMI lookup, and says so.
  assert.match(await page.textContent('#lab-step-instance'), /Faites d'abord l'étape « Trouver l'AMI »/);
  assert.equal(await page.locator('#lab-add-instance').count(), 0);

  // Follow the hints: each unticked step's "Ajouter pour moi", in order.
  let clicks = 0;
  for (;;) {
    const next = page.locator('.lab-add').first();
    if ((await next.count()) === 0) break;
    const id = (await next.getAttribute('id')).replace('lab-add-', '');
    await next.click();
    await page.waitForSelector(`#lab-step-${id}.done`, { timeout: TIMEOUT });
    clicks += 1;
    assert.ok(clicks <= stackSteps.length, 'each template is clicked once');
  }
  assert.equal(clicks, stackSteps.filter((s) => s.template).length);
  assert.equal(await page.locator('.lab-step.done').count(), stackSteps.length);
  // The steps after the stack: the commands for the project, with the stack's names.
  const ssh = await page.textContent('#lab-step-ssh');
  assert.match(ssh, /ssh -i ~\/\.ssh\/\S+ ec2-user@/, ssh);
  for (const s of commandSteps) await page.check(`#lab-tick-${s.id}`);
  await page.waitForFunction(() => document.querySelectorAll('.lab-step.todo').length === 0, null, { timeout: TIMEOUT });
  assert.match(await page.textContent('#lab-progress'), new RegExp(`${COURSE.steps.length} étapes sur ${COURSE.steps.length} faites`));
  await h.screenshot(page, 'lab-done-fr-1280');
  await jsonIs(page, GOLDEN);

  // The progress is saved with the stack: a reload keeps the ticks.
  await page.waitForFunction(() => (localStorage.getItem('ec2-playground:lab:v1') || '').includes('"ticked"'), null, { timeout: TIMEOUT });
  await page.reload();
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await page.click('#tab-lab');
  await page.waitForSelector('.lab-step', { timeout: TIMEOUT });
  assert.equal(await page.locator('.lab-step.todo').count(), 0, 'every step still ticked after a reload');
  // ...and so does a share link, opened in another profile.
  await page.click('#share');
  await page.waitForSelector('#share-link', { timeout: TIMEOUT });
  const link = await page.inputValue('#share-link');
  const other = await h.freshPage(env.browser);
  await open(other.page, link);
  await other.page.click('#tab-lab');
  await other.page.waitForSelector('.lab-step', { timeout: TIMEOUT });
  assert.equal(await other.page.locator('.lab-step.todo').count(), 0, 'the link carries the ticks');
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a "Corriger" click removes its finding; undo brings it back', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await open(page);
  await page.click('#tab-checks');
  await page.waitForSelector('.fix-button', { timeout: TIMEOUT });
  const button = page.locator('.fix-button:not([disabled])').first();
  assert.equal(await button.textContent(), 'Corriger');
  const item = page.locator('.diagnostic', { has: button });
  const code = await item.locator('.meta code').first().textContent();
  const count = () => page.locator('.diagnostic .meta code', { hasText: new RegExp(`^${code}$`) }).count();
  const before = await count();
  assert.ok(before >= 1, code);
  await button.click();
  await page.waitForFunction(
    ([c, n]) => [...document.querySelectorAll('.diagnostic .meta code')].filter((e) => e.textContent === c).length === n - 1,
    [code, before],
    { timeout: TIMEOUT },
  );
  assert.match(await page.textContent('#undo-notice'), /Corrigé/);
  await page.click('#undo');
  await page.waitForFunction(
    ([c, n]) => [...document.querySelectorAll('.diagnostic .meta code')].filter((e) => e.textContent === c).length === n,
    [code, before],
    { timeout: TIMEOUT },
  );
  await jsonIs(page, GOLDEN);
  // A fix that needs the learner's address: the button waits for it.
  const ssh = page.locator('.fix-offer', { has: page.locator('input') }).first();
  if ((await ssh.count()) > 0) {
    assert.equal(await ssh.locator('.fix-button').isDisabled(), true);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('after "marquer comme déployée", changing the AMI shows the instance replaced because of ami; the cost is in euros-style French', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await open(page);
  await page.click('#tab-deploy');
  await page.waitForSelector('#mark-deployed', { timeout: TIMEOUT });
  // The cost: the lab in eu-west-3, written as French writes numbers.
  assert.match(await page.textContent('#cost-total'), /^\d+,\d\d USD par mois .*eu-west-3/);
  await page.click('#mark-deployed');
  await page.waitForSelector('#plan-summary', { timeout: TIMEOUT });
  assert.match(await page.textContent('#plan-summary'), /^Aucun changement : l'infrastructure correspond/);
  // Change the AMI in main.py: a fixed AMI id instead of the lookup's.
  await page.click('#tab-python');
  await page.waitForSelector('#code-python .cm-content', { timeout: TIMEOUT });
  await page.click('#code-python .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(LAB_PY.replace('ami=ami.id', 'ami="ami-0123456789abcdef0"'));
  await page.click('#tab-deploy');
  await page.waitForSelector('#plan-aws_instance-web.replace', { timeout: TIMEOUT });
  const change = await page.textContent('#plan-aws_instance-web');
  assert.match(change, /remplacement/);
  assert.match(await page.textContent('#plan-aws_instance-web li.forces'), /^ami\b/);
  await h.screenshot(page, 'deploy-preview-fr-1280');
  // Kept in the page: a reload still compares with the stack marked deployed.
  await page.waitForFunction(() => localStorage.getItem('ec2-playground:deployed:v1'), null, { timeout: TIMEOUT });
  await page.reload();
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await page.click('#tab-deploy');
  await page.waitForSelector('#plan-aws_instance-web.replace', { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a teacher\'s lab file loads and ticks; a bad one says what and where', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await open(page);
  await page.selectOption('#example-select', 'multi-zone');
  await page.click('#load-example');
  await page.click('#tab-lab');
  await page.waitForSelector('#lab-file', { state: 'attached', timeout: TIMEOUT });
  await page.setInputFiles('#lab-file', TEACHER_LAB);
  await page.waitForFunction(() => document.querySelector('#lab-title').textContent === 'Deux zones', null, { timeout: TIMEOUT });
  for (const id of ['zone_a', 'zone_b', 'web_group', 'admin_ssh']) {
    await page.waitForSelector(`#lab-step-${id}.done`, { timeout: TIMEOUT });
  }
  // A bad file: the notice names the file and the place; the lab stays.
  const bad = path.join(os.tmpdir(), 'lab-cassé.json');
  fs.writeFileSync(bad, '{"lab_version": 1, "id": "x", "title": {"fr": "x", "en": "x"}, "steps": [{"id": 3}]}');
  await page.setInputFiles('#lab-file', bad);
  await page.waitForSelector('#notice-lab-file-bad', { timeout: TIMEOUT });
  const text = await page.textContent('#notice-lab-file-bad');
  assert.match(text, /lab-cassé\.json/);
  assert.match(text, /steps\[0\]\.id/);
  assert.match(text, /ligne 1, colonne/);
  assert.equal(await page.textContent('#lab-title'), 'Deux zones');
  // A file past the lab's size limit: the notice gives that limit (not the code's 2 Mo).
  const huge = path.join(os.tmpdir(), 'lab-énorme.json');
  fs.writeFileSync(huge, ' '.repeat(600 * 1024));
  await page.setInputFiles('#lab-file', huge);
  await page.waitForSelector('#notice-import-failed', { timeout: TIMEOUT });
  assert.match(await page.textContent('#notice-import-failed'), /« lab-énorme\.json ».*plus de 512 ko/);
  assert.equal(await page.textContent('#lab-title'), 'Deux zones');
  // The teacher's lab is kept with the stack.
  await page.waitForFunction(() => (localStorage.getItem('ec2-playground:lab:v1') || '').includes('two-zones'), null, { timeout: TIMEOUT });
  await page.reload();
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await page.click('#tab-lab');
  await page.waitForFunction(() => document.querySelector('#lab-title').textContent === 'Deux zones', null, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('?embed=1&panel=lab shows the lab alone, in English when asked', async () => {
  const { context, page, errors } = await h.freshPage(env.browser, { width: 700, height: 600 });
  await page.goto(`${env.server.url}?embed=1&panel=lab&lang=en`);
  await page.waitForSelector('#lab-title', { timeout: TIMEOUT });
  assert.equal(await page.textContent('#lab-title'), COURSE.title.en);
  assert.equal(await page.locator('.workbench').count(), 0, 'no editor in a one-panel embed');
  assert.match(await page.textContent('#lab-progress'), /of \d+ steps done/);
  await h.screenshot(page, 'lab-embed-en');
  assert.deepEqual(errors, []);
  await context.close();
});
