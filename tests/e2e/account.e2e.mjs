// Account screens and recovery (issue 11 item 5) through Chromium: the recovery code shown
// once at sign-up resets a forgotten password; the account screen changes the password, the
// time zone, ends another device's session and makes a new code; with SMTP configured, the
// sign-up is confirmed and a password reset by e-mail, through a throwaway SMTP server.
import { assert, launchBrowser, startServer, uniqueEmail } from './lib/harness.mjs';
import { PASSWORD, assertNoPageProblems, logIn, logOut } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';

const NEW_PASSWORD = 'a fresh long password';

async function logInWith(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
}

export const tests = [
  {
    name: 'sign up, keep the recovery code, forget the password, recover with the code',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, problems, email, recoveryCode } = await signedUp(baseUrl, 'Robin');
      assert(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/.test(recoveryCode), `a recovery code was shown (${recoveryCode})`);
      await logOut(page);

      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      // No SMTP on this server: only the recovery code form.
      assert((await page.getByLabel('Email for the link').count()) === 0, 'no e-mail form without SMTP');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Recovery code').fill(recoveryCode.toLowerCase());
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByText('Your password is changed', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Log in with the new password' }).click();
      await logInWith(page, baseUrl, email, NEW_PASSWORD);

      // The code is used up: the account screen says so and makes a new one.
      await page.getByRole('link', { name: 'Account' }).click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await page.getByText('You have no recovery code right now', { exact: false }).waitFor();
      await page.getByLabel('Your password, to make a new code').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Make a new recovery code' }).click();
      await page.getByRole('heading', { name: 'Your recovery code' }).waitFor();
      const fresh = (await page.getByTestId('recovery-code').innerText()).trim();
      assert(fresh !== recoveryCode && /^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/.test(fresh), 'a new code');
      await page.getByRole('button', { name: 'Copy the code' }).click();
      await page.getByRole('button', { name: 'I have kept it' }).click();
      await page.getByText('You have a recovery code.', { exact: false }).waitFor();
      assertNoPageProblems(problems);
    },
  },
  {
    name: 'the account screen: time zone, end another session, change the password',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, email } = await signedUp(baseUrl, 'Sam');
      const other = await launchBrowser();
      await logIn(other.page, baseUrl, email);

      await page.getByRole('link', { name: 'Account' }).click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await page.getByLabel('Time zone').fill('America/Toronto');
      await page.getByRole('button', { name: 'Save the time zone' }).click();
      await page.getByText('Your time zone is saved.').waitFor();

      const sessions = page.getByTestId('session-list').getByRole('listitem');
      await sessions.filter({ hasText: 'Another device' }).waitFor();
      assert((await sessions.count()) === 2, 'two devices are listed');
      await page.getByRole('button', { name: 'Log out every other device' }).click();
      await page.getByText('Every other device is logged out.').waitFor();
      // The list is read again after the message shows: wait for the other device to leave it.
      await sessions.filter({ hasText: 'Another device' }).waitFor({ state: 'detached' });
      assert((await sessions.count()) === 1, 'only this device is left');
      await other.page.reload();
      await other.page.getByRole('heading', { name: 'Welcome back' }).waitFor();

      await page.getByLabel('Current password').fill(PASSWORD);
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change the password' }).click();
      await page.getByText('Your password is changed.', { exact: false }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await page.getByText('Deleting your account cannot be undone', { exact: false }).waitFor();
      await logOut(page);
      await logInWith(page, baseUrl, email, NEW_PASSWORD);
    },
  },
  {
    name: 'with SMTP: sign-up confirmed by e-mail, and a neutral password reset link',
    run: async () => {
      const sink = await startSmtpSink();
      const { baseUrl } = await startServer({
        config: `smtp_url = "${sink.url}"\npublic_url = "https://app.example.test"\n`,
      });
      const { page, problems } = await launchBrowser();
      const email = uniqueEmail('noor');
      await page.goto(`${baseUrl}/#/signup`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('The name others will see').fill('Noor');
      await page.getByLabel('I confirm that I am 18 or older.').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      const [confirmation] = await sink.waitFor(1);
      const confirmToken = /#\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.body)?.[1];
      assert(confirmToken, 'the confirmation message holds a link');
      await page.goto(`${baseUrl}/#/confirm/${confirmToken}`);
      await page.getByRole('button', { name: 'Confirm my address' }).click();
      await page.getByRole('heading', { name: 'Your recovery code' }).waitFor();
      await page.getByRole('button', { name: 'I have kept it' }).click();
      await logInWith(page, baseUrl, email, PASSWORD);
      await logOut(page);

      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email for the link').fill(email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByText('If this address has an account, a link is on its way.', { exact: false }).waitFor();
      const mails = await sink.waitFor(2);
      const reset = mails[1];
      assert(reset.rcpt_to[0] === email, 'the link goes to the address');
      assert(reset.subject === 'Your password reset link', `a neutral subject (${reset.subject})`);
      for (const word of ['Noor', 'partner', 'relationship', 'intima', 'consent', 'practice', 'attune']) {
        assert(!reset.subject.includes(word) && !reset.body.includes(word), `the message does not say "${word}"`);
      }
      assert(reset.body.includes('If you did not ask for this, you can ignore this message'), 'it says what to do if it was not you');
      const resetToken = /#\/reset\/([A-Za-z0-9_-]+)/.exec(reset.body)?.[1];
      assert(resetToken, 'the reset message holds a link');
      await page.goto(`${baseUrl}/#/reset/${resetToken}`);
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByText('Your password is changed', { exact: false }).waitFor();
      await logInWith(page, baseUrl, email, NEW_PASSWORD);
      assertNoPageProblems(problems);
    },
  },
];
