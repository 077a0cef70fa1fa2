// Cues for eyes that are closed, in two browsers: Bo opts in on his device to a tone, a
// vibration and spoken guidance; Alex's pause reaches Bo as all three, and resuming reads
// the step aloud. The choice stays after a reload; the continue controls are never under the
// pause bar; in the dim theme the pause control is not bright.
import { assert } from './lib/harness.mjs';
import { assertNoPageProblems } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const heading = (page, name) => page.locator('.practice-title', { hasText: name });

function recordCues() {
  window.__cues = { spoken: [], vibrations: 0, tones: 0 };
  if (window.speechSynthesis) {
    window.speechSynthesis.speak = (u) => window.__cues.spoken.push(u.text);
    window.speechSynthesis.cancel = () => {};
  }
  navigator.vibrate = () => {
    window.__cues.vibrations++;
    return true;
  };
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__cues.tones++;
    return create.call(this);
  };
}

const cues = (page) => page.evaluate(() => window.__cues);

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const tests = [
  {
    name: 'opt-in tone, vibration and spoken steps reach the other person on pause and resume',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await b.context.addInitScript(recordCues);
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.reload();
      await b.page.getByRole('button', { name: 'Join the open practice' }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await heading(b.page, 'Settle in').waitFor();

      await b.page.getByText('Sound, vibration and spoken guidance').click();
      for (const label of ['A soft tone', 'A short vibration', 'Read each step aloud']) {
        await b.page.getByLabel(label).check();
      }
      await b.page.reload();
      await heading(b.page, 'Settle in').waitFor();
      await b.page.getByText('Sound, vibration and spoken guidance').click();
      assert(await b.page.getByLabel('Read each step aloud').isChecked(), 'the choice stays on this device');
      assert((await cues(b.page)).spoken.length === 0, 'nothing is said without a change');

      await a.page.getByRole('button', { name: /^Pause/ }).click();
      await heading(b.page, 'Paused').waitFor();
      await b.page.waitForFunction(() => window.__cues.spoken.length > 0);
      let heard = await cues(b.page);
      assert(heard.spoken[0].startsWith('Paused'), `the pause is spoken: ${heard.spoken}`);
      assert(heard.vibrations === 1 && heard.tones === 1, `one vibration and one tone: ${JSON.stringify(heard)}`);

      // Paused: the continue control is in view and not under the pause bar.
      const resume = b.page.getByRole('button', { name: "I'd like to continue" });
      await resume.scrollIntoViewIfNeeded();
      const box = await resume.boundingBox();
      const dock = await b.page.locator('.pause-dock').boundingBox();
      const covered = box.y < dock.y + dock.height && dock.y < box.y + box.height;
      assert(!covered, `the continue button is not under the pause bar: ${JSON.stringify({ box, dock })}`);

      await a.page.getByRole('button', { name: "I'd like to continue" }).click();
      await resume.click();
      await heading(b.page, 'Settle in').waitFor();
      await b.page.waitForFunction(() => window.__cues.spoken.length > 1);
      heard = await cues(b.page);
      assert(/^Continuing\. Settle in\. /.test(heard.spoken[1]), `resuming reads the step: ${heard.spoken[1]}`);
      assert(heard.vibrations === 2 && heard.tones === 2, 'a cue for the resume too');

      // Dim: nothing bright, the pause control included.
      await b.page.getByRole('button', { name: 'Dim theme' }).click();
      const fill = await b.page.locator('.pause-button').evaluate((el) => getComputedStyle(el).backgroundColor);
      const page = await b.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert(luminance(fill) < 0.1 && luminance(page) < 0.05, `dim pause control (${fill}) on a dim page (${page})`);
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
