// The screenshots in docs/screenshots/ (the practice running and paused, the boundary map)
// on a 390×844 phone, and a check that they still match the app: each PNG is kept with the
// outline of its screen (headings and buttons, as a person using a screen reader meets
// them). The test renders each screen again and fails when the outline differs, so a
// changed screen cannot leave an old picture in the docs.
// Refresh pictures and outlines with `ATTUNE_UPDATE_SCREENSHOTS=1` (see docs/screenshots/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { assert, repoRoot } from './lib/harness.mjs';
import { assertNoPageProblems, openSection } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const dir = path.join(repoRoot, 'docs/screenshots');
const updating = process.env.ATTUNE_UPDATE_SCREENSHOTS === '1';
const phone = { width: 390, height: 844 };

/** Headings and buttons in reading order: what the screen offers, without live numbers. */
async function outline(page) {
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, button')]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }))
      .map((el) => {
        const name = (el.getAttribute('aria-label') || el.innerText || '').replace(/\s+/g, ' ').trim();
        return `${el.tagName === 'BUTTON' ? 'button' : 'heading'}: ${name}`;
      }),
  );
  // A timer's digits change every second: keep the words, not the count.
  return lines.map((l) => l.replace(/\d+:\d{2}/g, 'm:ss'));
}

/** Width and height from a PNG's header. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Compares (or keeps) the screen once everything named in `ready` is on it. */
async function keepOrCompare(page, name, ready) {
  for (const locator of ready) await locator.waitFor();
  const png = path.join(dir, `${name}.png`);
  const outlineFile = path.join(dir, `${name}.outline.json`);
  const now = await outline(page);
  if (updating) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: png });
    fs.writeFileSync(outlineFile, `${JSON.stringify(now, null, 2)}\n`);
    return;
  }
  assert(fs.existsSync(png), `${name}.png is in docs/screenshots`);
  const size = pngSize(png);
  assert(size.width === phone.width && size.height === phone.height, `${name}.png is 390×844: ${JSON.stringify(size)}`);
  const kept = JSON.parse(fs.readFileSync(outlineFile, 'utf8'));
  assert(
    JSON.stringify(kept) === JSON.stringify(now),
    `docs/screenshots/${name}.png no longer matches the app; refresh it with ATTUNE_UPDATE_SCREENSHOTS=1.\n` +
      `kept: ${JSON.stringify(kept)}\nnow:  ${JSON.stringify(now)}`,
  );
}

export const tests = [
  {
    name: 'the practice (running, paused) and the boundary map on a phone match docs/screenshots',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await a.page.setViewportSize(phone);
      await b.page.setViewportSize(phone);
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.reload();
      await b.page.getByRole('button', { name: 'Join the open practice' }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await a.page.locator('.practice-title', { hasText: 'Settle in' }).waitFor();
      await keepOrCompare(a.page, 'practice-running', [a.page.getByRole('button', { name: 'End the practice' })]);

      await b.page.getByRole('button', { name: /^Pause/ }).click();
      await a.page.locator('.practice-title', { hasText: 'Paused' }).waitFor();
      await keepOrCompare(a.page, 'practice-paused', [
        a.page.getByRole('heading', { name: 'Care plan' }),
        a.page.getByRole('button', { name: "I'd like to continue" }),
      ]);

      await a.page.getByRole('link', { name: '← Agreements' }).click();
      await a.page.getByRole('link', { name: '← Back to this relationship' }).click();
      await openSection(a.page, /Boundary map/);
      await keepOrCompare(a.page, 'boundary-map', [
        a.page.getByRole('heading', { name: 'Presence and talk' }),
        a.page.getByRole('button', { name: 'Add item' }),
      ]);
      assertNoPageProblems(a.problems, 'A');
    },
  },
];
