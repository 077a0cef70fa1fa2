// Steps a person takes through the web client, shared by the e2e tests.
import { assert } from './harness.mjs';

export const PASSWORD = 'a calm long password';

/** Signs up and keeps the recovery code shown once; returns it. */
export async function signUp(page, baseUrl, { email, name }) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('The name others will see').fill(name);
  const tz = await page.getByLabel('Time zone').inputValue();
  assert(tz.length > 0, 'time zone is prefilled from Intl');
  await page.getByLabel('I confirm that I am 18 or older.').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your recovery code' }).waitFor();
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
  return code;
}

export async function logIn(page, baseUrl, email) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
}

export async function logOut(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
}

/** CSP or script errors reported by the page, which must stay empty. */
export function assertNoPageProblems(problems, who = 'page') {
  assert(problems.length === 0, `${who} reported no console errors, got: ${problems.join(' | ')}`);
}

export const answerLabels = { yes: 'Yes', maybe: 'Maybe (ask first)', no: 'No', unset: 'Not answered' };

export async function createRelationship(page, name) {
  await page.getByLabel('A name only members will see').fill(name);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('heading', { name }).waitFor();
}

export async function createInviteCode(page) {
  await page.getByRole('button', { name: 'Create an invitation code' }).click();
  const code = (await page.getByTestId('invite-code').innerText()).trim();
  assert(code.length > 0, 'an invite code is shown');
  return code;
}

export async function joinWithCode(page, code) {
  await page.getByRole('link', { name: 'attune' }).click();
  await page.getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

export async function openSection(page, linkName) {
  await page.getByRole('link', { name: linkName }).click();
}

/** Answers boundary items on the boundary map: {label: 'yes'|'maybe'|'no'|'unset'}. */
export async function answerItems(page, answers) {
  await page.getByRole('heading', { name: 'Boundary map' }).waitFor();
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'All categories' });
  for (const [label, answer] of Object.entries(answers)) {
    await page.getByLabel('Find an item').fill(label);
    const group = page.getByRole('group', { name: label, exact: true });
    await group.getByLabel(answerLabels[answer], { exact: true }).check();
    await group.getByText(`Saved: ${answerLabels[answer]}.`).waitFor();
  }
}

export async function backToRelationship(page) {
  await page.getByRole('link', { name: '← Back to this relationship' }).click();
}

export async function bodyText(page) {
  return page.locator('body').innerText();
}
