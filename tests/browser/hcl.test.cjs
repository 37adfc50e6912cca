// The way on from cdktf in the page (issue 15): the main.tf panel shows what the CLI's
// `hcl` writes for the lab (whose main.tf the Terraform laws check, scripts/hcl-laws.sh),
// the export menu says cdktf is archived and leads to it, and each kind of zip downloads
// with its files.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('./harness.cjs');

const TIMEOUT = 20000;
const env = h.suite('hcl-timings.json');


test('the main.tf panel of the lab is the CLI\'s main.tf, one click from the export menu\'s notice', async () => {
  const expected = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'ec2-playground', '--', 'hcl',
    path.join(h.ROOT, 'tests', 'fixtures', 'ec2-lab', 'stack.json'), '--project-dir', '/home/learner/ec2-lab'], { cwd: h.ROOT, encoding: 'utf8' });
  assert.match(expected, /^resource "aws_instance" "web" \{$/m);
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await page.waitForSelector('#code-json .cm-content', { timeout: TIMEOUT });
  assert.match(await page.textContent('#export-note'), /cdktf est archivé/);
  await page.click('.export-info summary');
  await page.click('#show-hcl');
  await page.waitForSelector('#code-hcl .cm-content', { timeout: TIMEOUT });
  assert.equal(await h.codeText(page, '#code-hcl'), expected);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-hcl');
  // The main.py view beside it is as it was.
  assert.equal(await page.getAttribute('#tab-python', 'aria-selected'), 'true');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-hcl')]);
  assert.equal(download.suggestedFilename(), 'main.tf');
  // A course page embeds it alone.
  await page.goto(`${env.server.url}?embed=1&panel=hcl&readonly=1`);
  await page.waitForSelector('#panel-hcl #code-hcl', { timeout: TIMEOUT });
  await page.waitForFunction((t) => {
    const el = document.querySelector('#code-hcl');
    return (el.editorHandle ? el.editorHandle.text() : el.textContent) === t;
  }, expected, { timeout: TIMEOUT });
  assert.equal(await page.locator('.workbench').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each kind of project downloads as a zip with its files', async () => {
  const { context, page, errors } = await h.freshPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.url);
  await page.waitForSelector('#code-json .cm-content', { timeout: TIMEOUT });
  const cases = [
    ['cdktf', 'ec2-lab.zip', ['ec2-lab/main.py', 'ec2-lab/cdktf.json', 'ec2-lab/Pipfile'], ['ec2-lab/main.tf']],
    ['terraform', 'ec2-lab-terraform.zip', ['ec2-lab/main.tf', 'ec2-lab/README.md', 'ec2-lab/.gitignore'], ['ec2-lab/main.py']],
    ['both', 'ec2-lab-both.zip', ['ec2-lab/main.py', 'ec2-lab/terraform/main.tf'], []],
    ['cdktn', 'ec2-lab-cdktn.zip', ['ec2-lab/main.py', 'ec2-lab/Pipfile'], ['ec2-lab/main.tf']],
  ];
  for (const [kind, file, present, absent] of cases) {
    await page.selectOption('#export-kind', kind);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-zip')]);
    assert.equal(download.suggestedFilename(), file);
    const saved = path.join(h.ARTIFACTS, file);
    await download.saveAs(saved);
    const entries = h.readZip(fs.readFileSync(saved));
    for (const name of present) assert.ok(name in entries, `${kind}: ${name} in ${Object.keys(entries).join(', ')}`);
    for (const name of absent) assert.ok(!(name in entries), `${kind}: no ${name}`);
    if (kind === 'terraform') assert.match(entries['ec2-lab/README.md'], /terraform init/);
    if (kind === 'cdktn') assert.match(entries['ec2-lab/Pipfile'], /cdktn/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
