// Live practice through two browsers: ready, running, a pause that reaches the other
// screen within 5 s (measured and printed), resume needing both, quick exit pausing, end;
// and a shared-device run where ready and resume are confirmed by each person in person.
import { assert, screenshot } from './lib/harness.mjs';
import { PASSWORD, answerItems, assertNoPageProblems, bodyText } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const heading = (page, name) => page.locator('.practice-title', { hasText: name });

async function measure(label, action, waitOn) {
  const t0 = Date.now();
  await action();
  await waitOn.waitFor({ timeout: 5000 });
  const ms = Date.now() - t0;
  console.log(`     ${label}: ${ms} ms`);
  assert(ms < 5000, `${label} within 5 s`);
  return ms;
}

export const tests = [
  {
    name: 'own devices: ready, pause shows on the other screen within 5 s, resume needs both, quick exit pauses',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await heading(a.page, 'Ready?').waitFor();
      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await a.page.getByText("You said you're ready").waitFor();

      await b.page.getByRole('link', { name: '← Agreements' }).click();
      await b.page.getByRole('link', { name: /^Practice ·/ }).click();
      await heading(b.page, 'Ready?').waitFor();
      await b.page.getByTestId('ready-count').getByText('1 of 2 ready').waitFor();
      let text = await bodyText(b.page);
      assert(!/Alex (is|said)/.test(text), 'nobody is named as ready or not');
      await b.page.getByRole('button', { name: "I'm ready" }).click();

      await heading(a.page, 'Settle in').waitFor();
      await heading(b.page, 'Settle in').waitFor();
      await b.page.locator('.timers').waitFor();
      await screenshot(b.page, 'practice-running');

      await measure('pause A → paused on B', () => a.page.getByRole('button', { name: /^Pause/ }).click(), heading(b.page, 'Paused'));
      await b.page.getByTestId('resume-count').getByText('0 of 2 ready to continue').waitFor();
      text = await bodyText(b.page);
      assert(text.includes('amber'), 'the pause word shows while paused');
      assert(!/Alex/.test(text.replace(/Alex, Bo/g, '')), 'nobody is named as the one who paused');
      await screenshot(b.page, 'practice-paused');

      await a.page.getByRole('button', { name: "I'd like to continue" }).click();
      await a.page.getByText("You're ready to continue").waitFor();
      await b.page.getByTestId('resume-count').getByText('1 of 2 ready to continue').waitFor();
      assert(await heading(b.page, 'Paused').isVisible(), 'one consent does not resume');
      await b.page.getByRole('button', { name: "I'd like to continue" }).click();
      await heading(a.page, 'Settle in').waitFor();
      await heading(b.page, 'Settle in').waitFor();

      // Keyboard: P pauses from B's side too.
      await measure('key P on B → paused on A', () => b.page.keyboard.press('p'), heading(a.page, 'Paused'));
      await a.page.getByRole('button', { name: "I'd like to continue" }).click();
      await b.page.getByRole('button', { name: "I'd like to continue" }).click();
      await heading(a.page, 'Settle in').waitFor();

      // B's connection drops; A pauses meanwhile; on reconnect B first gets the true state.
      await b.context.setOffline(true);
      await b.page.getByText('Reconnecting…').waitFor({ timeout: 10000 });
      await a.page.getByRole('button', { name: /^Pause/ }).click();
      await heading(a.page, 'Paused').waitFor();
      assert(await heading(b.page, 'Settle in').isVisible(), 'an offline screen cannot know yet');
      const back = Date.now();
      await b.context.setOffline(false);
      await heading(b.page, 'Paused').waitFor({ timeout: 15000 });
      console.log(`     reconnect → true state on B: ${Date.now() - back} ms`);
      await a.page.getByRole('button', { name: "I'd like to continue" }).click();
      await b.page.getByRole('button', { name: "I'd like to continue" }).click();
      await heading(a.page, 'Settle in').waitFor();
      await heading(b.page, 'Settle in').waitFor();

      // Quick exit on B pauses the practice for A before leaving.
      await measure('quick exit on B → paused on A', () => b.page.getByRole('button', { name: /Quick exit/ }).click(), heading(a.page, 'Paused'));
      await b.page.waitForURL(/weather\.html$/);

      await a.page.getByRole('button', { name: 'End the practice' }).click();
      await a.page.getByRole('button', { name: 'Yes, end it' }).click();
      await heading(a.page, 'The practice has ended').waitFor();
      await a.page.getByText('Tea and a blanket').waitFor();
      assert((await a.page.locator('.pause-button').count()) === 0, 'no pause control once ended');
      await screenshot(a.page, 'practice-ended');
      assertNoPageProblems(a.problems, 'A');
    },
  },
  {
    name: 'moving an in-scope item to no voids the agreement and pauses the practice; it can only end',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.getByRole('link', { name: '← Agreements' }).click();
      await b.page.getByRole('link', { name: /^Practice ·/ }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await heading(b.page, 'Settle in').waitFor();

      await a.page.getByRole('link', { name: '← Agreements' }).click();
      await a.page.getByRole('link', { name: '← Back to this relationship' }).click();
      await a.page.getByRole('link', { name: /Boundary map/ }).click();
      await measure(
        'A moves an in-scope item to no → paused on B',
        () => answerItems(a.page, { 'Quiet company': 'no' }),
        b.page.getByText('This agreement is no longer in force'),
      );
      assert(await heading(b.page, 'Paused').isVisible(), 'the practice is paused');
      assert((await b.page.getByRole('button', { name: "I'd like to continue" }).count()) === 0, 'a void practice cannot resume');
      const text = await bodyText(b.page);
      assert(!/quiet company/i.test(text.replace(/Quiet company/g, '')) && !/Alex (said|changed|answered)/.test(text), 'nothing says who changed what');
      await screenshot(b.page, 'practice-void');
      await b.page.getByRole('button', { name: 'End the practice' }).click();
      await b.page.getByRole('button', { name: 'Yes, end it' }).click();
      await heading(b.page, 'The practice has ended').waitFor();
      assertNoPageProblems(b.problems, 'B');
    },
  },
  {
    name: 'shared device: each person confirms ready and resume in person, with their own PIN or password',
    run: async () => {
      const { baseUrl, a, b } = await twoPartnersWithSignedAgreement();
      // Bo sets a PIN in Bo's own session first.
      await b.page.goto(`${baseUrl}/`);
      await b.page.getByLabel('New PIN (6 to 12 digits)').fill('482916');
      await b.page.getByLabel('Your password').fill(PASSWORD);
      await b.page.getByRole('button', { name: 'Set PIN' }).click();
      await b.page.getByText('Your PIN is set.').waitFor();

      await a.page.getByLabel('Together on this one device').check();
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await heading(a.page, 'Ready?').waitFor();
      await a.page.getByRole('button', { name: "Alex: I'm ready" }).click();
      await a.page.getByText('Alex: confirmed').waitFor();
      assert(await heading(a.page, 'Ready?').isVisible(), 'one confirmation does not start');
      // Alex cannot confirm for Bo: a wrong PIN is refused by the server and nothing starts.
      await a.page.getByLabel('Bo, your PIN').fill('111112');
      await a.page.getByRole('button', { name: "Bo: I'm ready" }).click();
      await a.page.getByText('That did not confirm it.', { exact: false }).waitFor();
      assert(await heading(a.page, 'Ready?').isVisible(), 'a wrong PIN starts nothing');
      await a.page.getByTestId('ready-count').getByText('0 of 2 ready').waitFor();
      await a.page.getByRole('button', { name: "Alex: I'm ready" }).click();
      await a.page.getByLabel('Bo, your PIN').fill('482916');
      await a.page.getByRole('button', { name: "Bo: I'm ready" }).click();
      await heading(a.page, 'Settle in').waitFor();

      await a.page.getByRole('button', { name: /^Pause/ }).click();
      await heading(a.page, 'Paused').waitFor();
      await a.page.getByRole('button', { name: 'Use the password instead' }).click();
      await a.page.getByLabel('Bo, your password').fill(PASSWORD);
      await a.page.getByRole('button', { name: "Bo: I'd like to continue" }).click();
      await a.page.getByText('Bo: confirmed').waitFor();
      assert(await heading(a.page, 'Paused').isVisible(), 'one confirmation does not resume');
      await screenshot(a.page, 'practice-shared-paused');
      await a.page.getByRole('button', { name: "Alex: I'd like to continue" }).click();
      await heading(a.page, 'Settle in').waitFor();
      await a.page.getByRole('button', { name: 'End the practice' }).click();
      await a.page.getByRole('button', { name: 'Yes, end it' }).click();
      await heading(a.page, 'The practice has ended').waitFor();
      assertNoPageProblems(a.problems, 'A');
    },
  },
];
