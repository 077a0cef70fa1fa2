// Membership and private things: a newcomer waits for every member's yes and sees nothing
// meanwhile; intake entries are private until shared and vanish when un-shared; "I feel
// pressured" shows support only to the person who asked; leaving needs no reason.
import { assert, screenshot } from './lib/harness.mjs';
import {
  assertNoPageProblems,
  backToRelationship,
  bodyText,
  joinWithCode,
  openSection,
} from './lib/flows.mjs';
import { signedUp, twoPartners } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'approval of a newcomer, intake sharing and un-sharing, private pressure support, leaving',
    run: async () => {
      const { baseUrl, a, b } = await twoPartners('The three of us');
      const c = await signedUp(baseUrl, 'Cy');

      // C joins with A's code: pending until B (the other current member) says yes.
      await a.page.getByRole('button', { name: 'Create another code' }).click();
      await a.page.getByText('A new code is ready.').waitFor();
      const code2 = (await a.page.getByTestId('invite-code').innerText()).trim();
      await joinWithCode(c.page, code2);
      await c.page.getByText("You'll join as soon as every current member has said yes").waitFor();
      assert(!(await bodyText(c.page)).includes('The three of us'), 'a pending newcomer sees nothing of the relationship');

      await b.page.reload();
      await b.page.getByRole('button', { name: 'Say yes to Cy' }).click();
      await b.page.getByText('You said yes to Cy.').waitFor();
      await c.page.reload();
      await c.page.getByRole('link', { name: 'The three of us' }).click();
      await c.page.locator('.members').getByText('Bo').waitFor();

      // A custom boundary item stays A's own until A proposes it; history keeps A's changes.
      await openSection(a.page, /Boundary map/);
      await a.page.getByLabel('Category of your item').selectOption({ label: 'Presence and talk' });
      await a.page.getByLabel('Item', { exact: true }).fill('Reading aloud to each other');
      await a.page.getByRole('button', { name: 'Add item' }).click();
      await a.page.getByText('Added. Only you can see it until you propose it.').waitFor();
      const custom = a.page.getByRole('group', { name: 'Reading aloud to each other' });
      await custom.getByText('Only you can see this item until you propose it.').waitFor();
      await custom.getByLabel('Yes', { exact: true }).check();
      await custom.getByText('Saved: Yes.').waitFor();
      await openSection(b.page, /Boundary map/);
      await b.page.getByLabel('Category', { exact: true }).selectOption({ label: 'All categories' });
      await b.page.getByRole('group', { name: 'Quiet company' }).waitFor();
      assert(!(await bodyText(b.page)).includes('Reading aloud'), 'an unproposed custom item is private');
      await custom.getByRole('button', { name: 'Propose to the relationship' }).click();
      await custom.getByText('Proposed. Everyone here can now answer it privately.').waitFor();
      await custom.getByText('Only you can see this item until you propose it.').waitFor({ state: 'detached' });
      await b.page.reload();
      await b.page.getByLabel('Category', { exact: true }).selectOption({ label: 'All categories' });
      await b.page.getByRole('group', { name: 'Reading aloud to each other' }).waitFor();
      await a.page.getByText('My history').click();
      await a.page.locator('.history li').filter({ hasText: 'Reading aloud to each other' }).first().waitFor();
      await backToRelationship(a.page);
      await backToRelationship(b.page);

      // Intake: private by default, shared with partners, then un-shared.
      await openSection(a.page, /Hurts, safety and wishes/);
      const hurt = 'I felt unheard when plans changed last week.';
      await a.page.getByLabel('Something that has hurt', { exact: false }).fill(hurt);
      await a.page.getByRole('button', { name: 'Save' }).first().click();
      await a.page.getByText('Saved, just for you.').waitFor();
      await openSection(b.page, /Hurts, safety and wishes/);
      assert(!(await bodyText(b.page)).includes(hurt), 'a private entry is not shown to a partner');

      const entry = a.page.locator('.intake-entry').filter({ hasText: hurt });
      await entry.getByLabel('Shared with').selectOption('partners');
      await entry.getByText('Now shared with: my partners.').waitFor();
      await b.page.reload();
      await b.page.locator('.intake-entry').filter({ hasText: hurt }).getByText('Shared by Alex').waitFor();
      await screenshot(b.page, 'intake-shared');

      await entry.getByLabel('Shared with').selectOption('private');
      await entry.getByText('Now private again.').waitFor();
      await b.page.reload();
      await b.page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      assert(!(await bodyText(b.page)).includes(hurt), 'an un-shared entry disappears for partners');

      // "I feel pressured": support for B only.
      await b.page.getByRole('button', { name: 'I feel pressured' }).click();
      await b.page.getByRole('heading', { name: 'This is just for you' }).waitFor();
      const resources = await (await fetch(`${baseUrl}/api/v1/resources`)).json();
      await b.page.getByText(resources.entries[0].name, { exact: true }).first().waitFor();
      await screenshot(b.page, 'pressured');
      await a.page.reload();
      await a.page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      assert(!/pressur/i.test((await bodyText(a.page)).replace('I feel pressured', '')), 'nobody else hears about it');

      // C leaves, with a confirmation and no reason asked.
      await c.page.getByRole('button', { name: 'Leave this relationship' }).click();
      const confirm = c.page.getByRole('group', { name: 'Confirm leaving' });
      assert(!/why|reason:/i.test((await confirm.innerText()).replace("You don't need to give a reason.", '')), 'no reason is asked');
      await confirm.getByRole('button', { name: 'Yes, leave' }).click();
      await c.page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      assert(!(await bodyText(c.page)).includes('The three of us'), 'after leaving, the relationship is gone from the list');
      await backToRelationship(a.page);
      await a.page.reload();
      await a.page.locator('.members').waitFor();
      assert(!(await a.page.locator('.members').innerText()).includes('Cy'), 'the member list no longer has the person who left');
      for (const [who, p] of [['A', a], ['B', b], ['C', c]]) assertNoPageProblems(p.problems, who);
    },
  },
];
