// Steps a person takes through the web client, shared by the e2e tests.
import { assert } from './harness.mjs';

export const PASSWORD = 'a calm long password';

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
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
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
