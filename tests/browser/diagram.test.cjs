// The diagram panel in a real headless Chromium (issue 6): zoom and pan (buttons, keys,
// Ctrl + wheel, drag, pinch), a click that opens the card in the editor, hover highlighting,
// downloads as SVG (the CLI's bytes) and PNG (in the theme shown), and screenshots of the lab
// and of the multi-zone example. Each step waits for a condition of the page.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const h = require('./harness.cjs');

const TIMEOUT = 20000;
const LAB = path.join(h.ROOT, 'tests', 'fixtures', 'ec2-lab', 'stack.json');
const LAB_GOLDEN = fs.readFileSync(path.join(h.ROOT, 'tests', 'fixtures', 'ec2-lab', 'cdk.tf.json'), 'utf8');

const env = h.suite('diagram-timings.json');

/** Opens the page on the lab and shows the diagram. */
async function openDiagram(page) {
  await page.goto(env.server.url);
  await page.waitForFunction((golden) => {
    const el = document.querySelector('#code-json');
    return el && (el.editorHandle ? el.editorHandle.text() : el.textContent) === golden;
  }, LAB_GOLDEN, { timeout: TIMEOUT });
  // The forms beside the drawing (the editor side opens on main.py).
  await page.click('#tab-forms');
  await page.waitForSelector('#card-0', { timeout: TIMEOUT });
  await page.click('#tab-diagram');
  await waitFitted(page);
}

/** Waits until the drawing is measured and placed (the canvas is no longer hidden). */
async function waitFitted(page) {
  await page.waitForSelector('#diagram .diagram-canvas:not(.measuring) svg', { timeout: TIMEOUT });
}

const zoom = (page) => page.textContent('#diagram-zoom').then((t) => Number.parseInt(t, 10));

/** The canvas's transform as { x, y, scale }. */
async function placement(page) {
  const style = await page.getAttribute('#diagram .diagram-canvas', 'style');
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(style);
  assert.ok(m, `a transform: ${style}`);
  return { x: Number(m[1]), y: Number(m[2]), scale: Number(m[3]) };
}

async function waitZoomNot(page, percent) {
  await page.waitForFunction((p) => Number.parseInt(document.querySelector('#diagram-zoom').textContent, 10) !== p, percent, { timeout: TIMEOUT });
}

/** The stack's diagram as the CLI writes it (the same core function the page calls). */
function cliDiagram(stack, lang) {
  const bin = path.join(h.ROOT, 'target', 'debug', 'ec2-playground');
  const [cmd, args] = fs.existsSync(bin)
    ? [bin, []]
    : ['cargo', ['run', '-q', '-p', 'ec2-playground-cli', '--']];
  return execFileSync(cmd, [...args, 'diagram', stack, '--lang', lang], { cwd: h.ROOT, maxBuffer: 1 << 26 });
}

/** Width, height and the first pixel (RGBA) of a PNG (8-bit RGBA, as canvases encode). */
function readPng(buf) {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8');
      assert.equal(data[9], 6, 'colour type RGBA');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  // Every filter leaves the first pixel of the first row as it is (nothing above or left).
  const first = [...raw.subarray(1, 5)];
  const distinct = new Set(raw).size;
  return { width, height, first, distinct };
}

test('the lab diagram zooms and pans with the buttons, the keys, Ctrl + wheel and a drag', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openDiagram(page);
  env.timings.lab_diagram_compute_ms = Number(await page.getAttribute('#diagram', 'data-compute-ms'));
  assert.ok(env.timings.lab_diagram_compute_ms >= 0, 'the page measured the core drawing the lab');
  const svg = page.locator('#diagram svg');
  assert.match(await page.textContent('#diagram svg title'), /ec2-lab/);
  // Fitted: the whole drawing inside the frame.
  assert.equal(await page.getAttribute('#diagram-fit', 'aria-pressed'), 'true');
  const frame = await page.locator('#diagram').boundingBox();
  const drawn = await svg.boundingBox();
  assert.ok(drawn.x >= frame.x - 1 && drawn.x + drawn.width <= frame.x + frame.width + 1, `fits across: ${JSON.stringify({ frame, drawn })}`);
  assert.ok(drawn.y >= frame.y - 1 && drawn.y + drawn.height <= frame.y + frame.height + 1, 'fits down');
  await h.screenshot(page, 'diagram-lab-fr-fit');
  const fitted = await zoom(page);
  assert.ok(fitted > 10 && fitted <= 100, `fit zoom ${fitted}%`);

  // The buttons: + multiplies the zoom by 1.25, − divides it, 100 % is the SVG's own size.
  await page.click('#diagram-zoom-in');
  await waitZoomNot(page, fitted);
  assert.ok(Math.abs((await zoom(page)) - fitted * 1.25) <= 1, `${await zoom(page)} ≈ ${fitted} × 1.25`);
  assert.equal(await page.getAttribute('#diagram-fit', 'aria-pressed'), 'false');
  await page.click('#diagram-zoom-out');
  await waitZoomNot(page, Math.round(fitted * 1.25));
  assert.ok(Math.abs((await zoom(page)) - fitted) <= 1);
  await page.click('#diagram-actual-size');
  await page.waitForFunction(() => document.querySelector('#diagram-zoom').textContent.startsWith('100'), null, { timeout: TIMEOUT });
  const actual = await svg.boundingBox();
  assert.ok(Math.abs(actual.width - Number(await svg.getAttribute('width'))) < 1, 'at 100 % the SVG has its own width');
  await h.screenshot(page, 'diagram-lab-fr-100');

  // A drag moves the drawing by as much as the mouse, and selects nothing.
  const before = await placement(page);
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 60, cy - 30, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction((x) => !document.querySelector('#diagram .diagram-canvas').getAttribute('style').includes(`translate(${x}px`), before.x.toFixed(1), { timeout: TIMEOUT });
  const dragged = await placement(page);
  assert.ok(Math.abs(dragged.x - (before.x - 60)) <= 1 && Math.abs(dragged.y - (before.y - 30)) <= 1, `${JSON.stringify(before)} → ${JSON.stringify(dragged)}`);
  assert.equal(await page.locator('.card.selected').count(), 0, 'a drag is not a click');
  await page.waitForSelector('#diagram:not(.dragging)', { timeout: TIMEOUT });

  // The keys, with the frame focused: arrows pan, 0 fits, + zooms.
  await page.focus('#diagram');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((x) => !document.querySelector('#diagram .diagram-canvas').getAttribute('style').includes(`translate(${x}px`), dragged.x.toFixed(1), { timeout: TIMEOUT });
  assert.ok(Math.abs((await placement(page)).x - (dragged.x - 60)) <= 1, 'ArrowRight shows what is to the right');
  await page.keyboard.press('0');
  await page.waitForSelector('#diagram-fit[aria-pressed="true"]', { timeout: TIMEOUT });
  assert.equal(await zoom(page), fitted);
  await page.keyboard.press('+');
  await waitZoomNot(page, fitted);

  // Ctrl + wheel zooms around the pointer: the point under it stays put.
  const now = await zoom(page);
  const p0 = await placement(page);
  const [px, py] = [frame.x + 100, frame.y + 80];
  const under = { x: (px - frame.x - 1 - p0.x) / p0.scale, y: (py - frame.y - 1 - p0.y) / p0.scale };
  await page.mouse.move(px, py);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await waitZoomNot(page, now);
  const p1 = await placement(page);
  assert.ok(p1.scale > p0.scale, 'wheel up with Ctrl zooms in');
  assert.ok(Math.abs(p1.x + under.x * p1.scale - (px - frame.x - 1)) < 2, 'the point under the pointer stays');
  assert.ok(Math.abs(p1.y + under.y * p1.scale - (py - frame.y - 1)) < 2);
  // At 400 % the + button is disabled, and the zoom stays there.
  await page.focus('#diagram');
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('+');
  await page.waitForSelector('#diagram-zoom-in[disabled]', { timeout: TIMEOUT });
  assert.equal(await zoom(page), 400);
  assert.equal(await page.isDisabled('#diagram-zoom-out'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking an instance, a group or a rule opens its card; hovering a rule, or editing it, highlights it', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openDiagram(page);
  // The instance's card is folded: the click unfolds it.
  await page.click('#card-4 .card-toggle');
  await page.waitForSelector('#card-4-body', { state: 'detached', timeout: TIMEOUT });
  // The instance (resources[4]): its card is selected and the focus goes into it.
  await page.locator('#ec2p-r4 text.tt').first().click();
  await page.waitForSelector('#card-4.selected #card-4-body', { timeout: TIMEOUT });
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'r-4-id', null, { timeout: TIMEOUT });
  assert.equal(await page.getAttribute('#card-4', 'aria-current'), 'true');
  assert.match(await page.getAttribute('#ec2p-r4', 'class'), /ec2p-selected/);
  // The security group (resources[2]).
  await page.locator('#ec2p-r2 text.tt').first().click();
  await page.waitForSelector('#card-2.selected', { timeout: TIMEOUT });
  assert.equal(await page.locator('.card.selected').count(), 1);
  assert.doesNotMatch(await page.getAttribute('#ec2p-r4', 'class'), /ec2p-selected/);
  // The SSH rule: the focus lands in that rule's fields.
  await page.click('#ec2p-r2-in0-0 polyline.hit', { force: true });
  await page.waitForFunction(() => document.activeElement && (document.activeElement.id || '').startsWith('r-2-ingress-0-'), null, { timeout: TIMEOUT });
  // Hover: the rule's arrow gets thicker (the SVG's own style sheet).
  const width = () => page.evaluate(() => getComputedStyle(document.querySelector('#ec2p-r2-in1-0 polyline.arrow')).strokeWidth);
  assert.equal(await width(), '2px');
  await page.hover('#ec2p-r2-in1-0 polyline.hit', { force: true });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#ec2p-r2-in1-0 polyline.arrow')).strokeWidth === '4px', null, { timeout: TIMEOUT });
  await h.screenshot(page, 'diagram-lab-fr-selected');
  // The other way: what the learner edits is highlighted in the drawing, and stays so while
  // they type (each keystroke draws the diagram again).
  await page.mouse.move(0, 0);
  await page.focus('#r-4-id');
  await page.waitForFunction(() => document.querySelector('#ec2p-r4').classList.contains('ec2p-hl'), null, { timeout: TIMEOUT });
  await page.focus('#r-2-ingress-1--from-port');
  await page.waitForFunction(() => document.querySelector('#ec2p-r2-in1-0').classList.contains('ec2p-hl'), null, { timeout: TIMEOUT });
  assert.doesNotMatch(await page.getAttribute('#ec2p-r4', 'class'), /ec2p-hl/);
  await page.fill('#r-2-ingress-1--from-port', '8080');
  await page.fill('#r-2-ingress-1--to-port', '8080');
  await page.focus('#r-2-ingress-1--from-port');
  await page.waitForFunction(() => /TCP 8080/.test(document.querySelector('#ec2p-r2-in1-0').textContent), null, { timeout: TIMEOUT });
  assert.match(await page.getAttribute('#ec2p-r2-in1-0', 'class'), /ec2p-hl/, 'still highlighted after the edit');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#ec2p-r2-in1-0 polyline.arrow')).strokeWidth), '4px');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the diagram downloads as the CLI\'s SVG and as a PNG in the colours shown', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openDiagram(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-diagram-svg')]);
  assert.equal(svgDownload.suggestedFilename(), 'ec2-lab-diagram.svg');
  const svgPath = path.join(h.ARTIFACTS, 'ec2-lab-diagram.svg');
  await svgDownload.saveAs(svgPath);
  const svg = fs.readFileSync(svgPath);
  assert.ok(svg.equals(cliDiagram(LAB, 'fr')), 'the SVG downloaded is, byte for byte, `ec2-playground diagram` of the lab');
  const width = Number(/ width="(\d+)"/.exec(svg.toString())[1]);
  const height = Number(/ height="(\d+)"/.exec(svg.toString())[1]);

  for (const theme of ['light', 'dark']) {
    await h.chooseSetting(page, '#theme-select', theme);
    await page.waitForFunction((t) => document.documentElement.getAttribute('data-theme') === t, theme, { timeout: TIMEOUT });
    const t0 = Date.now();
    const [pngDownload] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('#download-diagram-png')]);
    assert.equal(pngDownload.suggestedFilename(), 'ec2-lab-diagram.png');
    const pngPath = path.join(h.ARTIFACTS, `ec2-lab-diagram-${theme}.png`);
    await pngDownload.saveAs(pngPath);
    env.timings[`lab_png_${theme}_ms`] = Date.now() - t0;
    const png = readPng(fs.readFileSync(pngPath));
    assert.equal(png.width, 2 * width, 'twice the SVG width, for sharp text');
    assert.equal(png.height, 2 * height);
    assert.ok(png.distinct > 100, `a drawing, not a blank (${png.distinct} distinct byte values)`);
    // The background: the palette's bg (#ffffff light, #0d1117 dark).
    assert.deepEqual(png.first, theme === 'light' ? [255, 255, 255, 255] : [13, 17, 23, 255], theme);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the multi-zone example: three zone lanes and one AWS chooses, in both languages', async () => {
  for (const [locale, lang, scheme, aws] of [['fr-FR', 'fr', 'light', 'AWS choisit'], ['en-US', 'en', 'dark', 'AWS chooses']]) {
    const { context, page, errors } = await h.freshPage(env.browser, { locale, colorScheme: scheme, width: 1440, height: 900 });
    await openDiagram(page);
    await page.selectOption('#example-select', 'multi-zone');
    await page.click('#load-example');
    await page.waitForFunction(() => /multi-zone/.test(document.querySelector('#diagram svg title').textContent), null, { timeout: TIMEOUT });
    await waitFitted(page);
    env.timings[`multi_zone_compute_ms_${lang}`] = Number(await page.getAttribute('#diagram', 'data-compute-ms'));
    const text = await page.textContent('#diagram svg');
    for (const zone of ['eu-west-3a', 'eu-west-3b', 'eu-west-3c']) assert.ok(text.includes(zone), zone);
    assert.ok(text.includes(aws), `a lane where ${aws}`);
    assert.equal(await page.locator('#diagram [data-kind="instance"]').count(), 5);
    assert.equal(await page.locator('#diagram [data-kind="security-group"]').count(), 3);
    // The drawing shown is the CLI's for the same stack: the same elements, in the same order.
    const shownIds = await page.evaluate(() => [...document.querySelectorAll('#diagram svg [id]')].map((e) => e.id));
    const cli = cliDiagram(path.join(h.ROOT, 'tests', 'fixtures', 'multi-zone', 'stack.json'), lang).toString();
    const cliIds = [...cli.matchAll(/<[a-z]+ id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(cliIds.length > 20, `the CLI's SVG has its ids (${cliIds.length})`);
    assert.deepEqual(shownIds, cliIds);
    assert.equal(await page.getAttribute('#diagram svg', 'width'), /width="(\d+)"/.exec(cli)[1]);
    await h.screenshot(page, `diagram-multi-zone-${lang}-${scheme}-fit`);
    // Ctrl + wheel over the instance web_a (resources[6]) brings it to a readable size.
    const fitted = await zoom(page);
    const webA = await page.locator('#ec2p-r6').boundingBox();
    await page.mouse.move(webA.x + webA.width / 2, webA.y + webA.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -800);
    await page.keyboard.up('Control');
    await waitZoomNot(page, fitted);
    assert.ok((await zoom(page)) >= 100, `zoomed to ${await zoom(page)}%`);
    const near = await page.locator('#ec2p-r6').boundingBox();
    const frame = await page.locator('#diagram').boundingBox();
    assert.ok(near.x < frame.x + frame.width && near.x + near.width > frame.x, 'web_a stays in view');
    await h.screenshot(page, `diagram-multi-zone-${lang}-${scheme}-zoomed`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('on a phone: the diagram fits the width, and two fingers pinch to zoom', async () => {
  const { context, page, errors } = await h.freshPage(env.browser, { width: 360, height: 780 });
  await openDiagram(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px too wide)`);
  await page.locator('#diagram').scrollIntoViewIfNeeded();
  await h.screenshot(page, 'diagram-lab-fr-360');
  const fitted = await zoom(page);
  // Two touch pointers moving apart, from 40 px to 80 px: the zoom doubles.
  await page.evaluate(() => {
    const frame = document.querySelector('#diagram');
    const r = frame.getBoundingClientRect();
    const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    const fire = (type, id, dx) => frame.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x + dx, clientY: y, bubbles: true, button: 0,
    }));
    fire('pointerdown', 1, -20);
    fire('pointerdown', 2, 20);
    fire('pointermove', 2, 40);
    fire('pointermove', 1, -40);
    fire('pointerup', 1, -40);
    fire('pointerup', 2, 40);
  });
  await waitZoomNot(page, fitted);
  const pinched = await zoom(page);
  assert.ok(Math.abs(pinched - Math.min(400, fitted * 2)) <= 2, `pinch 40 → 60 → 80 px: ${fitted}% → ${pinched}%`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the view is kept across tabs and edits; a new stack is shown whole', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await openDiagram(page);
  const fitted = await zoom(page);
  await page.click('#diagram-zoom-in');
  await page.click('#diagram-zoom-in');
  await waitZoomNot(page, fitted);
  const zoomed = await zoom(page);
  const placed = await placement(page);
  // Another tab and back: the same place.
  await page.click('#tab-json');
  await page.waitForSelector('#code-json', { timeout: TIMEOUT });
  await page.click('#tab-diagram');
  await waitFitted(page);
  assert.equal(await zoom(page), zoomed);
  assert.deepEqual(await placement(page), placed);
  // An edit redraws the diagram, not the view.
  await page.fill('#r-4-id', 'web2');
  await page.waitForFunction(() => document.querySelector('#ec2p-r4 text.tt').textContent === 'web2', null, { timeout: TIMEOUT });
  assert.equal(await zoom(page), zoomed);
  // A narrower window keeps the same point at the frame's centre.
  const centre = async () => {
    const p = await placement(page);
    const f = await page.locator('#diagram').evaluate((el) => [el.clientWidth, el.clientHeight]);
    return [(f[0] / 2 - p.x) / p.scale, (f[1] / 2 - p.y) / p.scale];
  };
  const c0 = await centre();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.waitForFunction((x) => !document.querySelector('#diagram .diagram-canvas').getAttribute('style').includes(`translate(${x}px`), placed.x.toFixed(1), { timeout: TIMEOUT });
  const c1 = await centre();
  assert.ok(Math.abs(c0[0] - c1[0]) < 2 && Math.abs(c0[1] - c1[1]) < 2, `${c0} → ${c1}`);
  // Another example: fitted, whatever the zoom was.
  await page.selectOption('#example-select', 'multi-zone');
  await page.click('#load-example');
  await page.waitForFunction(() => /multi-zone/.test(document.querySelector('#diagram svg title').textContent), null, { timeout: TIMEOUT });
  // It opens fitted when the fit reads (60 % or more), else at 100 % on its start.
  await page.waitForFunction((z) => Number.parseInt(document.querySelector('#diagram-zoom').textContent, 10) !== z, zoomed, { timeout: TIMEOUT });
  const [fw, fh, w, h2] = await page.evaluate(() => {
    const f = document.querySelector('#diagram');
    const svg = document.querySelector('#diagram svg');
    return [f.clientWidth, f.clientHeight, Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
  });
  const fit = Math.min(1, fw / w, fh / h2);
  if (fit >= 0.6) {
    await page.waitForSelector('#diagram-fit[aria-pressed="true"]', { timeout: TIMEOUT });
    assert.equal(await zoom(page), Math.round(fit * 100), 'the multi-zone drawing shown whole');
  } else {
    assert.equal(await zoom(page), 100, `the fit (${Math.round(fit * 100)} %) would not read: 100 %`);
    const p = await placement(page);
    assert.ok(Math.abs(p.x - Math.max(0, (fw - w) / 2)) < 1 && Math.abs(p.y - Math.max(0, (fh - h2) / 2)) < 1, JSON.stringify(p));
    await page.click('#diagram-fit');
    assert.equal(await zoom(page), Math.max(2, Math.round(fit * 100)), '"Ajuster" still shows it whole');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('drawn ahead under another tab, the diagram opens as the same elements, hidden from the keyboard and screen readers until then', async () => {
  const { context, page, errors } = await h.freshPage(env.browser);
  await page.goto(env.server.url);
  await page.waitForFunction((golden) => {
    const el = document.querySelector('#code-json');
    return el && (el.editorHandle ? el.editorHandle.text() : el.textContent) === golden;
  }, LAB_GOLDEN, { timeout: TIMEOUT });
  // Once the outputs settle, the drawing is laid out in a hidden panel beside the JSON.
  await page.waitForSelector('.tab-panel.kept #diagram svg', { state: 'attached', timeout: TIMEOUT });
  const hidden = await page.evaluate(() => {
    const kept = document.querySelector('.tab-panel.kept');
    kept.querySelector('svg').dataset.keptMark = 'first';
    const controls = [...kept.querySelectorAll('button, [tabindex]')];
    return {
      ariaHidden: kept.getAttribute('aria-hidden'),
      role: kept.getAttribute('role'),
      clip: getComputedStyle(kept).clipPath,
      controls: controls.length,
      tabbable: controls.filter((el) => el.tabIndex >= 0).map((el) => el.id),
    };
  });
  assert.deepEqual(hidden, { ariaHidden: 'true', role: null, clip: 'inset(50%)', controls: 7, tabbable: [] });
  // Keyboard users go from the tabs to the JSON panel, never into the hidden one.
  await page.focus('#tab-json');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.tab-panel.kept')), false);
  // Its tab shows those very elements (nothing parsed again), now reachable.
  await page.click('#tab-diagram');
  await waitFitted(page);
  const shown = await page.evaluate(() => {
    const panel = document.querySelector('#panel-diagram');
    return {
      mark: panel.querySelector('svg').dataset.keptMark,
      ariaHidden: panel.getAttribute('aria-hidden'),
      kept: panel.classList.contains('kept'),
      frame: document.querySelector('#diagram').tabIndex,
      panels: document.querySelectorAll('.tab-panels > .tab-panel').length,
    };
  });
  assert.deepEqual(shown, { mark: 'first', ariaHidden: null, kept: false, frame: 0, panels: 1 });
  // An edit made under another tab is drawn ahead again: the tab shows it, the view kept.
  await page.click('#tab-json');
  await page.click('#tab-forms');
  await page.fill('#r-4-id', 'web_ahead');
  await page.waitForFunction(() => {
    const kept = document.querySelector('.tab-panel.kept #ec2p-r4 text.tt');
    return kept && kept.textContent === 'web_ahead';
  }, null, { timeout: TIMEOUT });
  await page.click('#tab-diagram');
  await waitFitted(page);
  assert.equal(await page.textContent('#panel-diagram #ec2p-r4 text.tt'), 'web_ahead');
  assert.deepEqual(errors, []);
  await context.close();
});
