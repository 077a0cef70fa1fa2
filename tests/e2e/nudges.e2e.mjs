// The per-person live channel (issue 11 item 2), two people in two browsers: what the other
// does reaches the screen that is open without a reload, and a calm "New" mark waits where
// something changed until it is opened. The mark never names anyone and never counts.
import { assert, screenshot } from './lib/harness.mjs';
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assertNoPageProblems, backToRelationship, bodyText, openSection } from './lib/flows.mjs';
import { twoPartners, twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

// Long enough for a nudge, far shorter than anyone would wait for a reload.
const SOON = { timeout: 5000 };

export const tests = [
  {
    name: 'a partner joining, then sharing, reaches the other’s open screen without a reload',
    run: async () => {
      const { a, b } = await twoPartners('Our space');
      // Alex is still on the relationship screen where the code was made: Bo appears there.
      await a.page.locator('.members').getByText('Bo').waitFor(SOON);

      // Alex waits at home; Bo shares something.
      await a.page.getByRole('link', { name: 'attune' }).click();
      const card = a.page.getByRole('link', { name: /Our space/ });
      await card.waitFor();
      assert((await card.locator('.badge-new').count()) === 0, 'nothing is marked new yet');
      await openSection(b.page, /Hurts, safety and wishes/);
      await b.page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      await b.page.locator('textarea[name^="new-"]').first().fill('Music low in the evening.');
      await b.page.getByLabel('Who can see this').first().selectOption('partners');
      await b.page.getByRole('button', { name: 'Save', exact: true }).first().click();
      await b.page.getByText('Saved and shared with', { exact: false }).waitFor();

      // A calm mark on the relationship, and on the section where it waits.
      await card.locator('.badge-new').waitFor(SOON);
      const cardText = await card.innerText();
      assert(/New/.test(cardText) && !/Bo|\d/.test(cardText.replace('Our space', '')), `the mark names nobody and counts nothing: ${cardText}`);
      await screenshot(a.page, 'nudge-home-badge');
      // The mark meets WCAG 2.2 A/AA in the light and the dim theme.
      const dimToggle = a.page.getByRole('button', { name: 'Dim theme' });
      for (const theme of ['light', 'dim']) {
        if (theme === 'dim') await dimToggle.click();
        const violations = await axeViolations(a.page);
        assert(violations.length === 0, describeViolations(`home with a new mark (${theme})`, violations));
      }
      await dimToggle.click();
      await card.click();
      const section = a.page.getByRole('link', { name: /Hurts, safety and wishes/ });
      await section.locator('.badge-new').waitFor(SOON);
      assert((await a.page.getByRole('link', { name: /Agreements and practice/ }).locator('.badge-new').count()) === 0, 'only the section that changed is marked');
      await section.click();
      await a.page.getByText('Music low in the evening.').waitFor(SOON);
      await backToRelationship(a.page);
      await a.page.getByRole('heading', { name: 'Our space' }).waitFor();
      assert((await section.locator('.badge-new').count()) === 0, 'seen: the mark is gone');

      // Alex keeps the intake screen open; Bo's next entry appears on it by itself.
      await section.click();
      await b.page.locator('textarea[name^="new-"]').first().fill('A walk before we talk.');
      await b.page.getByLabel('Who can see this').first().selectOption('partners');
      await b.page.getByRole('button', { name: 'Save', exact: true }).first().click();
      await a.page.getByText('A walk before we talk.').waitFor(SOON);

      // A private entry reaches nobody.
      await b.page.locator('textarea[name^="new-"]').first().fill('Only for me.');
      await b.page.getByRole('button', { name: 'Save', exact: true }).first().click();
      await b.page.getByText('Saved, just for you.').waitFor();
      await a.page.waitForTimeout(1500);
      assert(!(await bodyText(a.page)).includes('Only for me.'), 'a private entry never reaches the partner');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
  {
    name: 'a new version and the partner’s signature reach the open agreement without a reload',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      // Both look at the signed agreement. Alex changes it: Bo's screen offers the new version.
      await b.page.getByText('Signed by everyone').waitFor();
      await a.page.getByRole('button', { name: 'Change the agreement' }).click();
      await a.page.getByLabel('Pause word').fill('blue');
      await a.page.getByRole('button', { name: 'Save as a new version' }).click();
      await a.page.getByRole('heading', { name: 'Version 2' }).waitFor();
      await a.page.getByRole('button', { name: 'Sign version 2' }).click();
      await a.page.getByText('1 of 2 signed').waitFor();
      await b.page.getByRole('button', { name: 'Sign version 2' }).waitFor(SOON);
      // Bo signs: Alex's screen says so by itself, naming nobody.
      await b.page.getByRole('button', { name: 'Sign version 2' }).click();
      await a.page.getByText('Signed by everyone').waitFor(SOON);
      await a.page.getByText('2 of 2 signed').waitFor();
      assert(!/Bo (has )?signed/.test(await bodyText(a.page)), 'nobody is named as having signed');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
