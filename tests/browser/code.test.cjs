// The main.py editor in a real headless Chromium (issue 11): the course's Python becomes
// the stack as it is typed, a form edit lands in the code with the learner's comments kept,
// an error is marked at its line while the panels keep the last good stack, and the code
// survives a reload, a share link and an import from disk. Each step waits for a condition.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

const LAB = path.join(h.ROOT, 'tests', 'fixtures', 'ec2-lab');
const GOLDEN = fs.readFileSync(path.join(LAB, 'cdk.tf.json'), 'utf8');
// The course's own main.py for the lab (as the learner writes it, not as the page does).
const LAB_PY = fs.readFileSync(path.join(LAB, 'main.py'), 'utf8');
const TIMEOUT = 20000;
// The lab's security group is its third resource; its first inbound rule is SSH.
const FROM_PORT = '#r-2-ingress-0--from-port';

const env = h.suite('code-timings.json');

/** Waits until the text of the code panel `selector` satisfies `predicate` (source of a
 * function body over `text` and `arg`). */
async function waitCode(page, selector, predicate, arg) {
  await page.waitForFunction(
    ([sel, src, a]) => {
      const el = document.querySelector(sel);
      if (!el || !el.editorHandle) return false;
      // eslint-disable-next-line no-new-func
      return new Function('text', 'arg', src)(el.editorHandle.text(), a);
    },
    [selector, predicate, arg],
    { timeout: TIMEOUT },
  );
}

/** Shows the JSON panel (beside the code) and waits until its text satisfies `predicate`. */
async function waitJson(page, predicate, arg) {
  await page.click('#tab-json');
  await waitCode(page, '#code-json', predicate, arg);
}

/** Shows the forms on the editor side. */
async function showForms(page) {
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
}

/** Shows the main.py panel and waits for its editor. */
async function showCode(page) {
  await page.click('#tab-python');
  await page.waitForSelector('#code-python .cm-content', { timeout: TIMEOUT });
}

/** Opens the page (the lab) and its main.py editor. */
async function openEditor(page, url = env.server.url) {
  await page.goto(url);
  await waitJson(page, 'return text.length > 0');
  await showCode(page);
}

/** Puts the cursor at the end of the first occurrence of `needle` in main.py. */
async function cursorAfter(page, needle) {
  const found = await page.evaluate((n) => {
    const handle = document.querySelector('#code-python').editorHandle;
    const at = handle.text().indexOf(n);
    if (at < 0) return false;
    handle.focusAt(at + n.length);
    return true;
  }, needle);
  assert.ok(found, `main.py has ${needle}`);
}

test('the lab typed into an empty editor gives the golden JSON; a keystroke reaches the JSON', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await waitJson(page, 'return text === arg', GOLDEN);
  // Start from another stack, so that the golden can only come from the code.
  await page.selectOption('#example-select', 'empty');
  await page.click('#load-example');
  await waitJson(page, 'return !text.includes("aws_instance")');
  await showCode(page);
  await page.click('#code-python .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await waitCode(page, '#code-python', 'return text === ""');
  // A paste of the course's code, then a comment typed key by key.
  await page.keyboard.insertText(LAB_PY);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# Mon lab EC2\n');
  await page.waitForFunction(() => /se lit/.test(document.querySelector('#code-status').textContent), null, { timeout: TIMEOUT });
  assert.ok((await h.codeText(page, '#code-python')).startsWith('# Mon lab EC2\n#!/usr/bin/env python'));
  await waitJson(page, 'return text === arg', GOLDEN);

  // Keystroke to JSON: one digit added to the SSH port (22 -> 220...), timed until the
  // JSON beside the code shows it (250 ms of it is the pause the page waits for).
  await showCode(page);
  const samples = [];
  for (const digit of ['0', '1', '2']) {
    await cursorAfter(page, 'from_port=22');
    const t0 = Date.now();
    await page.keyboard.type(digit);
    await page.waitForFunction((d) => document.querySelector('#code-json').editorHandle.text().includes(`"from_port": 22${d},`), digit, { timeout: TIMEOUT });
    samples.push(Date.now() - t0);
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.querySelector('#code-json').editorHandle.text().includes('"from_port": 22,'), null, { timeout: TIMEOUT });
  }
  samples.sort((a, b) => a - b);
  env.timings.code_keystroke_to_json_ms = samples[1];
  env.timings.code_read_delay_ms = 250;
  await waitJson(page, 'return text === arg', GOLDEN);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a port changed in the code changes the diagram; changed in the form, it lands in the code with the comments kept', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openEditor(page);
  await page.click('#code-python .cm-content');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# Mon commentaire, à garder\n');
  const written = await h.codeText(page, '#code-python');
  await cursorAfter(page, 'from_port=22');
  await page.keyboard.type('22');
  await cursorAfter(page, 'to_port=22');
  await page.keyboard.type('22');
  await waitJson(page, 'const r = JSON.parse(text).resource.aws_security_group.web_sg.ingress[0]; return r.from_port === 2222 && r.to_port === 2222');
  await page.click('#tab-diagram');
  await page.waitForFunction(() => /TCP 2222/.test((document.querySelector('#panel-diagram svg') || {}).textContent || ''), null, { timeout: TIMEOUT });
  // The form follows the code, and the code follows the form.
  await showForms(page);
  assert.equal(await page.inputValue(FROM_PORT), '2222');
  await page.fill(FROM_PORT, '2200');
  await showCode(page);
  await waitCode(page, '#code-python', 'return text.includes("from_port=2200,")');
  const code = await h.codeText(page, '#code-python');
  assert.ok(code.startsWith('# Mon commentaire, à garder\n'), 'the comment is kept');
  assert.match(code, /to_port=2222,/);
  assert.equal(code.replace('from_port=2200', 'from_port=22').replace('to_port=2222', 'to_port=22'), written, 'only the values changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a syntax error is marked at its line; the panels keep the last good stack', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openEditor(page);
  const shown = await h.codeText(page, '#code-python');
  const line = shown.slice(0, shown.indexOf('from_port=22')).split('\n').length;
  await cursorAfter(page, 'from_port=22');
  await page.keyboard.type(' +');
  await page.waitForSelector('#code-python .cm-lintRange-error', { timeout: TIMEOUT });
  const status = await page.textContent('#code-status');
  assert.match(status, /ne se lit pas/);
  assert.match(status, new RegExp(`main\\.py:(${line}|${line + 1}):`), `the error names line ${line}: ${status}`);
  await page.waitForSelector('#code-python .cm-lint-marker-error', { timeout: TIMEOUT });
  await h.screenshot(page, 'code-editor-error-1280');
  await waitJson(page, 'return text === arg', GOLDEN);
  await cursorAfter(page, 'from_port=22 +');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.waitForSelector('#code-python .cm-lintRange-error', { state: 'detached', timeout: TIMEOUT });
  await page.waitForFunction(() => /se lit/.test(document.querySelector('#code-status').textContent) && !/ne se lit/.test(document.querySelector('#code-status').textContent), null, { timeout: TIMEOUT });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload and a share link keep the learner\'s text', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openEditor(page);
  await page.click('#code-python .cm-content');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# Gardé au rechargement\n');
  await page.waitForFunction(() => /se lit/.test(document.querySelector('#code-status').textContent), null, { timeout: TIMEOUT });
  const mine = await h.codeText(page, '#code-python');
  await page.reload();
  await showCode(page);
  await waitCode(page, '#code-python', 'return text === arg', mine);
  await page.click('#share');
  await page.waitForFunction(() => (document.querySelector('#share-link') || {}).value, null, { timeout: TIMEOUT });
  const link = await page.inputValue('#share-link');
  assert.match(link, /#s2\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await h.freshPage(env.browser);
  await fresh.page.goto(link);
  await showCode(fresh.page);
  await waitCode(fresh.page, '#code-python', 'return text === arg', mine);
  await waitJson(fresh.page, 'return text === arg', GOLDEN);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

test('main.py and user_data.py open from disk', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openEditor(page);
  const dir = path.join(h.ROOT, 'tests', 'fixtures', 'user-data-module');
  const main = fs.readFileSync(path.join(dir, 'main.py'), 'utf8');
  await page.setInputFiles('#panel-python input[type=file]', [path.join(dir, 'main.py'), path.join(dir, 'user_data.py')]);
  await waitCode(page, '#code-python', 'return text === arg', main);
  await waitCode(page, '#code-user-data', 'return text === arg', fs.readFileSync(path.join(dir, 'user_data.py'), 'utf8'));
  // The golden was made in a folder named after the fixture; the page names the project
  // folder after the stack ("site-web"), as the zip does.
  const golden = fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8').replace('/home/learner/user-data-module/', '/home/learner/site-web/');
  await waitJson(page, 'return text === arg', golden);
  assert.deepEqual(errors, []);
  await h.screenshot(page, 'code-editor-1280');
  await context.close();
});
