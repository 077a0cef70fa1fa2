// One whole practice loop in two browsers, through the screens only: a pre check-in (B
// skips it) → the signed agreement's live practice with a pause → post check-ins → the
// debrief, where the first to answer sees nothing of the other until both are in → revealed
// to both without a reload → the home screen offers one gentle next step, never a count.
import { assert, screenshot } from './lib/harness.mjs';
import { assertNoPageProblems, bodyText } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const heading = (page, name) => page.locator('.practice-title', { hasText: name });
const A_WORDS = 'Breathing in step for a moment';
const B_WORDS = 'Being asked before anything happened';

async function checkIn(page, kind, mood) {
  const form = page.getByRole('form', { name: kind === 'pre' ? /Before you begin/ : /Now that it has ended/ });
  await form.getByLabel(/^Mood/).fill(String(mood));
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText('Thank you. Your check-in is saved.').waitFor();
}

export const tests = [
  {
    name: 'pre check-in → practice with a pause → post check-in → debrief revealed together → home offers a next step',
    run: async () => {
      const { baseUrl, a, b } = await twoPartnersWithSignedAgreement();

      // A opens the practice: a pre check-in is offered while everyone gets ready.
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await heading(a.page, 'Ready?').waitFor();
      // The exercise's own question for this moment, read from the content library.
      const exercise = await (await fetch(`${baseUrl}/api/v1/exercises/arriving-together`)).json();
      await a.page.getByText(exercise.pre_checkin_prompt).waitFor();
      await checkIn(a.page, 'pre', 6);
      await a.page.getByRole('button', { name: "I'm ready" }).click();

      // B skips the pre check-in: it is an offer, never a gate.
      await b.page.getByRole('link', { name: '← Agreements' }).click();
      await b.page.getByRole('link', { name: /^Practice ·/ }).click();
      await heading(b.page, 'Ready?').waitFor();
      await b.page.getByRole('form', { name: /Before you begin/ }).getByRole('button', { name: 'Skip' }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await heading(a.page, 'Settle in').waitFor();
      await heading(b.page, 'Settle in').waitFor();

      // A pause from either side shows on the other; continuing needs both.
      await b.page.getByRole('button', { name: /^Pause/ }).click();
      await heading(a.page, 'Paused').waitFor({ timeout: 5000 });
      await a.page.getByRole('button', { name: "I'd like to continue" }).click();
      await b.page.getByRole('button', { name: "I'd like to continue" }).click();
      await heading(a.page, 'Settle in').waitFor();

      // B ends it; both are offered a post check-in and the debrief.
      await b.page.getByRole('button', { name: 'End the practice' }).click();
      await b.page.getByRole('button', { name: 'Yes, end it' }).click();
      await heading(a.page, 'The practice has ended').waitFor();
      await heading(b.page, 'The practice has ended').waitFor();
      await checkIn(a.page, 'post', 7);
      await checkIn(b.page, 'post', 8);

      await a.page.getByRole('link', { name: /Reflect on this practice/ }).click();
      await a.page.getByText(exercise.debrief_prompts[0]).waitFor();
      await a.page.getByLabel('What felt nourishing?').fill(A_WORDS);
      await a.page.getByRole('button', { name: 'Share when everyone is ready' }).click();
      await a.page.getByTestId('debrief-waiting').waitFor();

      await b.page.getByRole('link', { name: /Reflect on this practice/ }).click();
      await b.page.getByLabel('What felt nourishing?').waitFor();
      let text = await bodyText(b.page);
      assert(!text.includes(A_WORDS), "B sees nothing of A's answer before answering");
      assert(!/of 2|already answered|Alex has/.test(text), 'nothing says whether A answered');
      await b.page.getByLabel('What felt nourishing?').fill(B_WORDS);
      await b.page.getByRole('button', { name: 'Share when everyone is ready' }).click();

      // Revealed to both; A's screen was never reloaded.
      for (const page of [a.page, b.page]) {
        const items = page.locator('.revealed-debriefs > li');
        await items.nth(1).waitFor({ timeout: 5000 });
        text = await bodyText(page);
        assert(text.includes(A_WORDS) && text.includes(B_WORDS), 'both answers are shown to both');
      }
      await screenshot(a.page, 'loop-debrief-revealed');

      // Home offers one gentle next step and never a count of anything missed.
      await a.page.goto(`${baseUrl}/#/`);
      // A checked in and answered the debrief: what is left is the next exercise to try.
      const next = a.page.getByRole('complementary', { name: 'A gentle next step' });
      await next.getByText(/When you both feel like it/).waitFor();
      text = await next.innerText();
      assert(!text.includes('Arriving together'), `the exercise just done is not offered again: ${text}`);
      assert(!/\d+\s*(day|time|practice|check-in)s?\b/i.test(text), `no counts in the next step: ${text}`);
      await screenshot(a.page, 'loop-home-next-step');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
