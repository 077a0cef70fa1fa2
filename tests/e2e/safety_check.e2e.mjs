// The private safety check in two browsers: Alex answers in a way that signals danger; both
// see only "Practice is paused for now"; Bo's screens differ in nothing else, and read the
// same as when Alex simply pauses the programme; Alex alone sees the resources.
import { assert, screenshot } from './lib/harness.mjs';
import { bodyText, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

const HELD = 'Practice is paused for now';

async function relationshipText(person) {
  await person.page.reload();
  await person.page.getByRole('heading', { name: 'Members' }).waitFor();
  await person.page.getByRole('heading', { name: 'Pause the programme' }).waitFor();
  // Let the hold line load (or not) before reading the page.
  await person.page.waitForLoadState('networkidle');
  // Blank lines between blocks depend on their neighbours: compare the lines themselves.
  return (await bodyText(person.page)).replace(/\n+/g, '\n');
}

async function answerCheck(page, value) {
  await openSection(page, /A private safety check/);
  await page.getByText('This check is private.').waitFor();
  const groups = page.getByRole('group');
  const count = await groups.count();
  assert(count >= 5, `the questions are shown (${count})`);
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByLabel(value, { exact: true }).check();
  await page.getByRole('button', { name: 'Save privately' }).click();
  await page.getByRole('heading', { name: 'Saved, just for you' }).waitFor();
}

export const tests = [
  {
    name: 'a danger answer pauses practice for both, neutrally; the resources are Alex’s alone',
    run: async () => {
      const { a, b } = await twoPartners('Our space');
      const bBefore = await relationshipText(b);
      assert(!bBefore.includes(HELD), 'not held to begin with');

      await answerCheck(a.page, 'Often');
      await a.page.getByText('nobody is told that you took this check').waitFor();
      await a.page.getByRole('heading', { name: 'Support and safety' }).waitFor();
      await screenshot(a.page, 'safety-check-resources');

      const bHeld = await relationshipText(b);
      assert(bHeld.includes(HELD), 'Bo sees that practice is paused for now');
      await a.page.getByRole('link', { name: '← Back to this relationship' }).click();
      await a.page.getByTestId('practice-hold').waitFor();
      // Nothing else on Bo's screen changed: only the neutral line was added.
      const withoutLine = bHeld.replace(/Practice is paused for now\.[^\n]*\n?/, '');
      assert(withoutLine === bBefore, `only the hold line differs for Bo:\n${bBefore}\n---\n${bHeld}`);
      const line = bHeld.match(/Practice is paused for now\.[^\n]*/)?.[0] ?? '';
      assert(!/safe|support|answer|who|why/i.test(line), `the line says nothing of why (${line})`);

      // Alex lifts her cause with a calm check, then pauses the programme herself: Bo reads
      // exactly the same as after her disclosure.
      await answerCheck(a.page, 'Never');
      await a.page.getByText('only you can see them').waitFor();
      await a.page.getByRole('link', { name: '← Back to this relationship' }).click();
      await a.page.getByRole('button', { name: 'Pause the programme' }).click();
      await a.page.getByRole('button', { name: 'Lift my pause' }).waitFor();
      const bPaused = await relationshipText(b);
      assert(bPaused === bHeld, `Bo's screen is the same for any cause:\n${bHeld}\n---\n${bPaused}`);
      await screenshot(b.page, 'safety-check-held-for-bo');
    },
  },
];
