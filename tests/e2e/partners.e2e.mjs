// Two partners, two browsers: sign-up → relationship → invite → accept → private answers →
// shared view → an agreement drafted by one and signed by both. Partner A's "no" must leave
// no trace anywhere partner B can look.
import { assert, screenshot } from './lib/harness.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'two partners: invite, answers, shared view, agreement signed by both; A’s no stays hidden',
    run: () => twoPartnersWithSignedAgreement(),
  },
  {
    name: 'changing a signed agreement makes a new version, clears signatures and shows what changed',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await a.page.getByRole('button', { name: 'Change the agreement' }).click();
      await a.page.getByLabel('Time limit in minutes').fill('20');
      await a.page.getByLabel('Pause word').fill('blue');
      await a.page.getByRole('button', { name: 'Save as a new version' }).click();
      await a.page.getByRole('heading', { name: 'Version 2' }).waitFor();
      await a.page.getByText('0 of 2 signed').waitFor();
      const diff = await a.page.locator('.diff').innerText();
      assert(/Time limit:\s*15 minutes\s*→\s*20 minutes/.test(diff), `time limit change shown (${diff})`);
      assert(/Pause word:\s*amber\s*→\s*blue/.test(diff), 'pause word change shown');
      await screenshot(a.page, 'agreement-diff');
      await b.page.reload();
      await b.page.getByRole('button', { name: 'Sign version 2' }).waitFor();
      await b.page.getByRole('button', { name: 'Withdraw' }).click();
      await b.page.getByRole('button', { name: 'Yes, withdraw' }).click();
      // The status badge of the reloaded agreement, not the withdraw action's own message
      // ("…no longer in force."), which appears before the reload and raced the check below.
      await b.page.getByText('No longer in force', { exact: true }).first().waitFor();
      assert((await b.page.getByRole('button', { name: 'Sign version 2' }).count()) === 0, 'a void agreement cannot be signed');
    },
  },
];
