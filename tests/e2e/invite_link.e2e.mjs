// Inviting by link, in three browsers: the link carries the code in its fragment, so no
// server log holds it; it can be copied and scanned (a QR code); it fits a 320 px screen; a
// newcomer who must wait for approval sees the request and its state after a reload, and
// the relationship once every member said yes. A logged-out newcomer keeps the invitation
// through logging in.
import fs from 'node:fs';
import { assert, launchBrowser, startServer, uniqueEmail } from './lib/harness.mjs';
import { PASSWORD, assertNoPageProblems, bodyText, createRelationship, signUp } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

async function createInviteLink(page) {
  await page.getByRole('button', { name: 'Create an invitation code' }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  assert(/\/join#[^#]+$/.test(link), `an invitation link with the code in its fragment: ${link}`);
  return link;
}

export const tests = [
  {
    name: 'a link, a copy button and a QR code; a pending newcomer sees the request after reload until approved',
    run: async () => {
      const { baseUrl, logPath } = await startServer();
      const a = await signedUp(baseUrl, 'Alex', { viewport: { width: 320, height: 700 } });
      await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const b = await signedUp(baseUrl, 'Bo');
      await createRelationship(a.page, 'Our quiet space');

      const first = await createInviteLink(a.page);
      await a.page.getByRole('img', { name: 'QR code of the invitation link' }).waitFor();
      await a.page.getByRole('button', { name: 'Copy the link' }).click();
      await a.page.getByText('Link copied').waitFor();
      const copied = await a.page.evaluate(() => navigator.clipboard.readText());
      assert(copied === first, 'the copied text is the link');
      // Nothing runs off a 320 px screen.
      const overflow = await a.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `no horizontal scrolling at 320 px (${overflow} px too wide)`);
      const box = await a.page.getByTestId('invite-code').boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= 320, `the code stays on screen: ${JSON.stringify(box)}`);

      // Bo opens the link, and joins (Alex is the only member: active at once).
      await b.page.goto(first);
      await b.page.getByRole('heading', { name: 'An invitation' }).waitFor();
      assert(!b.page.url().includes('#'), `the code leaves the address at once: ${b.page.url()}`);
      await b.page.getByRole('button', { name: 'Join', exact: true }).click();
      await b.page.getByRole('heading', { name: 'Our quiet space' }).waitFor();

      // Cai is logged out when the link arrives: log in first, the invitation waits.
      const cai = await launchBrowser();
      const caiEmail = uniqueEmail('cai');
      await signUp(cai.page, baseUrl, { email: caiEmail, name: 'Cai' });
      await cai.page.getByRole('button', { name: 'Log out' }).click();
      await cai.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await a.page.reload();
      const second = await createInviteLink(a.page);
      await cai.page.goto(second);
      await cai.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await cai.page.getByLabel('Email').fill(caiEmail);
      await cai.page.getByLabel('Password').fill(PASSWORD);
      await cai.page.getByRole('button', { name: 'Log in' }).click();
      await cai.page.getByRole('heading', { name: 'An invitation' }).waitFor();
      await cai.page.getByRole('button', { name: 'Join', exact: true }).click();
      await cai.page.getByText("You'll join as soon as every current member has said yes").waitFor();

      // After a reload Cai still sees the request and that it waits, and nothing inside.
      await cai.page.goto(`${baseUrl}/`);
      await cai.page.getByTestId('join-requests').getByText('You asked to join a shared space').waitFor();
      let text = await bodyText(cai.page);
      assert(!text.includes('Our quiet space'), 'a waiting newcomer sees nothing of the relationship, not its name');

      // Bo says yes: Cai is in.
      await b.page.reload();
      await b.page.getByRole('button', { name: 'Say yes to Cai' }).click();
      await b.page.getByText('You said yes to Cai.').waitFor();
      await cai.page.reload();
      await cai.page.getByRole('link', { name: 'Our quiet space' }).waitFor();
      assert((await cai.page.getByTestId('join-requests').count()) === 0, 'no request waits any more');

      // The codes never reached the server's log.
      const log = fs.readFileSync(logPath, 'utf8');
      for (const link of [first, second]) {
        const code = link.split('#')[1];
        assert(!log.includes(code), 'the invitation code is in no server log');
      }
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
      assertNoPageProblems(cai.problems, 'Cai');
    },
  },
];
