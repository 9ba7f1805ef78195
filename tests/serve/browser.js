#!/usr/bin/env node
// The editor page of tradlint serve in a real browser: Debian's chromium,
// headless, driven by playwright-core (never a downloaded browser).
//   browser.js BASE ARTICLE SHOTS-DIR
// Pastes the article, checks it with the keyboard (Ctrl+Enter), sees the
// highlights, applies a suggestion from the keyboard, applies every safe
// fix, downloads the text and checks the download is fixed; then opens a
// .txt file through the file input. Screenshots go to SHOTS-DIR. Prints
// "browser: N passed, N failed".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, article, shots] = process.argv.slice(2);
let passed = 0, failed = 0;
function ok(cond, what) {
  if (cond) passed++;
  else { failed++; console.log(`browser: FAIL ${what}`); }
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tradlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(20000);
    const resp = await page.goto(base);
    ok(resp.status() === 200, `GET / status ${resp.status()}`);
    ok((await page.title()).includes('tradlint'), 'page title');
    const csp = resp.headers()['content-type'] || '';
    ok(csp.startsWith('text/html'), `content type ${csp}`);

    // paste the article and check it from the keyboard
    const text = fs.readFileSync(article, 'utf8');
    await page.locator('#texto').focus();
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#doc mark');
    const marks = await page.$$eval('#doc mark', (ms) => ms.map((m) => [m.textContent, m.className]));
    ok(marks.length >= 6, `${marks.length} highlights`);
    ok(marks.some(([t, c]) => t === 'GPT-4.0' && c === 'c-terminology'), 'GPT-4.0 highlighted as terminology');
    ok(marks.some(([t, c]) => t === 'treinamneto' && c === 'c-spelling'), 'treinamneto highlighted as spelling');
    const summary = await page.textContent('#resumo');
    ok(/erros?, .*avisos?, .*informaç/.test(summary), `summary "${summary}"`);
    await page.screenshot({ path: path.join(shots, 'serve-page.png'), fullPage: true });

    // a highlight leads to its finding; its suggestion applies from the keyboard
    await page.locator('#doc mark', { hasText: 'GPT-4.0' }).focus();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement.textContent);
    ok(focused.includes('GPT-4.0'), 'Enter on a highlight focuses its finding');
    await page.locator('button.sugg', { hasText: 'Aplicar: GPT-4o' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('texto').value.includes('GPT-4.0') &&
      /erificando/.test(document.getElementById('status').textContent) === false &&
      document.querySelectorAll('#doc mark').length > 0);
    ok((await page.inputValue('#texto')).includes('o GPT-4o passa'), 'suggestion applied in the text');
    const after = await page.$$eval('#doc mark', (ms) => ms.map((m) => m.textContent));
    ok(!after.includes('GPT-4.0'), 'the fixed finding is gone after the re-check');

    // every safe fix, then the download
    await page.click('#seguras');
    await page.waitForFunction(() => document.getElementById('texto').value.includes('86,4%') &&
      !/erificando/.test(document.getElementById('status').textContent));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#baixar')]);
    const got = fs.readFileSync(await download.path(), 'utf8');
    ok(got.includes('o GPT-4o passa') && !got.includes('GPT-4.0'), 'download has the applied suggestion');
    ok(got.includes('86,4%') && got.includes('o ChatGPT') && got.includes('avaliação de segurança'),
      'download has the safe fixes (86,4%, o ChatGPT, de de)');
    ok(got.includes('treinamneto'), 'a finding without a safe fix is left for the editor');
    ok(got.includes('`model.generate()`') && got.includes('🇧🇷'), 'code and emoji kept');
    await page.screenshot({ path: path.join(shots, 'serve-page-fixed.png'), fullPage: true });

    // open a plain-text file through the file input
    const txt = path.join(profile, 'nota.txt');
    fs.writeFileSync(txt, 'O treinamneto acabou.\n');
    await page.setInputFiles('#arquivo', txt);
    await page.waitForFunction(() => document.getElementById('texto').value.startsWith('O treinamneto') &&
      [...document.querySelectorAll('#doc mark')].some((m) => m.textContent === 'treinamneto'));
    ok(await page.inputValue('#formato') === 'plain', '.txt read as plain text');
    ok(errors.length === 0, `console errors: ${errors.join(' | ')}`);
  } catch (e) {
    ok(false, `exception: ${e.stack || e}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
