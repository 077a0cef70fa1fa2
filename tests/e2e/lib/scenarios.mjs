// Shared starting points: people signed up in their own browsers, two partners in one
// relationship, and that relationship with private answers and an agreement drafted by one
// and signed by both, with checks that A's "no" never reaches B.
import { assert, launchBrowser, screenshot, startServer, uniqueEmail } from './harness.mjs';
import {
  answerItems,
  assertNoPageProblems,
  backToRelationship,
  bodyText,
  createInviteCode,
  createRelationship,
  joinWithCode,
  openSection,
  signUp,
} from './flows.mjs';

export const HIDDEN = /hugging/i; // A says no; B says yes: it must never show up for B.

/** A fresh browser for `name`, signed up on the server at baseUrl; adds their e-mail. */
export async function signedUp(baseUrl, name, browserOptions = {}) {
  const person = await launchBrowser(browserOptions);
  const email = uniqueEmail(name.toLowerCase());
  const recoveryCode = await signUp(person.page, baseUrl, { email, name });
  return { ...person, email, recoveryCode };
}

/** A fresh server where Alex (a) created the relationship `name` and Bo (b) joined it. */
export async function twoPartners(name) {
  const { baseUrl } = await startServer();
  const a = await signedUp(baseUrl, 'Alex');
  const b = await signedUp(baseUrl, 'Bo');
  await createRelationship(a.page, name);
  await joinWithCode(b.page, await createInviteCode(a.page));
  await b.page.getByRole('heading', { name }).waitFor();
  return { baseUrl, a, b };
}

export async function twoPartnersWithSignedAgreement() {
  const { baseUrl, a, b } = await twoPartners('Our space');
  await b.page.getByRole('listitem').filter({ hasText: 'Alex' }).first().waitFor();
  await a.page.reload();
  await a.page.locator('.members').getByText('Bo').waitFor();

  await openSection(a.page, /Boundary map/);
  await answerItems(a.page, {
    'Quiet company': 'yes',
    'Breathing together': 'yes',
    Hands: 'maybe',
    Hugging: 'no',
  });
  await screenshot(a.page, 'partners-a-boundaries');
  await openSection(b.page, /Boundary map/);
  await answerItems(b.page, {
    'Quiet company': 'yes',
    'Breathing together': 'yes',
    Hands: 'yes',
    Hugging: 'yes',
  });

  // B's shared view: the mutual items, "ask first" for the one-sided maybe, nothing of A's no.
  await backToRelationship(b.page);
  await openSection(b.page, /What we share/);
  await b.page.getByRole('heading', { name: 'What we share' }).waitFor();
  await b.page.locator('.shared-item').filter({ hasText: 'Breathing together' }).waitFor();
  const handsRow = b.page.locator('.shared-item').filter({ hasText: 'Hands' });
  assert((await handsRow.innerText()).includes('Ask first'), 'a one-sided maybe shows as ask first');
  let text = await bodyText(b.page);
  assert(!HIDDEN.test(text), "B's shared view shows nothing of A's no");
  assert((await b.page.locator('.shared-item').count()) === 3, 'exactly the three mutual items are shared');
  await screenshot(b.page, 'partners-b-shared');

  // A drafts an agreement.
  await backToRelationship(a.page);
  await openSection(a.page, /Agreements and practice/);
  await a.page.getByRole('button', { name: 'Draft an agreement' }).click();
  await a.page.getByLabel('Exercise').selectOption('arriving-together');
  await a.page.getByLabel('Time limit in minutes').fill('15');
  await a.page.getByLabel('Pause word').fill('amber');
  await a.page.getByLabel('Aftercare and debrief plan').fill('Tea and a blanket, then a short walk.');
  const formText = await a.page.locator('.agreement-form').innerText();
  assert(!HIDDEN.test(formText), "A's own form lists only mutual items");
  await a.page.getByRole('button', { name: 'Save draft' }).click();
  await a.page.getByRole('heading', { name: 'Version 1' }).waitFor();
  await a.page.getByRole('button', { name: 'Sign version 1' }).click();
  await a.page.getByText('1 of 2 signed').waitFor();
  await a.page.getByText('You have signed', { exact: true }).waitFor();

  // B sees the count (never who) and signs; B's agreement form and detail show no trace.
  await backToRelationship(b.page);
  await openSection(b.page, /Agreements and practice/);
  await b.page.getByText('1 of 2 signed').waitFor();
  await b.page.getByRole('button', { name: 'Draft an agreement' }).click();
  await b.page.locator('.agreement-form').waitFor();
  await b.page.locator('.agreement-form').getByText('Breathing together').waitFor();
  text = await bodyText(b.page);
  assert(!HIDDEN.test(text), "B's agreement form shows nothing of A's no");
  await screenshot(b.page, 'partners-b-agreement-form');
  await b.page.getByRole('button', { name: 'Cancel' }).click();
  await b.page.getByRole('link', { name: /Arriving together/ }).click();
  await b.page.getByText("You haven't signed").waitFor();
  text = await bodyText(b.page);
  assert(!/Alex (has|hasn't) signed|Alex signed/.test(text), 'nobody is named as having signed');
  await b.page.getByRole('button', { name: 'Sign version 1' }).click();
  await b.page.getByText('Signed by everyone').waitFor();
  await b.page.getByText('2 of 2 signed').waitFor();
  text = await bodyText(b.page);
  assert(!HIDDEN.test(text), "B's agreement shows nothing of A's no");
  assert(text.includes('amber'), 'the pause word is shown');
  await screenshot(b.page, 'partners-b-signed');

  await a.page.reload();
  await a.page.getByText('Signed by everyone').waitFor();
  assertNoPageProblems(a.problems, 'A');
  assertNoPageProblems(b.problems, 'B');
  return { baseUrl, a, b };
}

