// The therapist in three browsers: an account made with the operator's CLI; Alex links it
// with its code after the limits of confidentiality and "I understand", Bo consents; the
// therapist sees only what was shared with them; every read shows in the access log of the
// person whose data was read; Alex shares one debrief with the therapist from the debrief
// screen; the therapist reads the partners' latest safety checks, downloads the report (as a
// page and as a PDF) and pauses practice, which Bo sees byte for byte as Alex's own pause;
// Bo's private channel stays Bo's; Alex revokes and the therapist's very next request fails
// (and their hold is lifted), while Bo's own channel stays open.
import { readFile } from 'node:fs/promises';
import { assert, launchBrowser, screenshot, startServer, uniqueEmail } from './lib/harness.mjs';
import { PASSWORD, assertNoPageProblems, bodyText, createInviteCode, createRelationship, joinWithCode, openSection } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';
import { THERAPIST_PASSWORD, addTherapist } from './lib/therapist.mjs';

/** A small API client for the steps that are not what this test is about. */
async function apiAs(baseUrl, email, password = PASSWORD) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert(login.ok, `log in ${email}: ${login.status}`);
  const { token } = await login.json();
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** A practice of both partners, run and ended through the API; its id. */
async function endedPractice(rid, alexApi, boApi) {
  const exercise = (await alexApi('GET', '/api/v1/exercises')).body.exercises[0];
  for (const api of [alexApi, boApi]) {
    for (const item of exercise.requires) {
      await api('PUT', `/api/v1/relationships/${rid}/boundaries/mine/${item}`, { answer: 'yes' });
    }
  }
  const terms = { exercise_id: exercise.id, items: exercise.requires, time_limit_minutes: 30, pause_word: 'amber', aftercare: 'tea' };
  const aid = (await alexApi('POST', `/api/v1/relationships/${rid}/agreements`, terms)).body.id;
  for (const api of [alexApi, boApi]) assert((await api('POST', `/api/v1/agreements/${aid}/sign`, { version: 1 })).status === 200, 'sign');
  const pid = (await alexApi('POST', `/api/v1/agreements/${aid}/practices`, {})).body.id;
  for (const api of [alexApi, boApi]) assert((await api('POST', `/api/v1/practices/${pid}/ready`)).status === 200, 'ready');
  assert((await alexApi('POST', `/api/v1/practices/${pid}/end`)).status === 200, 'end');
  return pid;
}

async function logInAsTherapist(baseUrl, email) {
  const t = await launchBrowser();
  await t.page.goto(`${baseUrl}/`);
  await t.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  await t.page.getByLabel('Email').fill(email);
  await t.page.getByLabel('Password').fill(THERAPIST_PASSWORD);
  await t.page.getByRole('button', { name: 'Log in' }).click();
  await t.page.getByRole('heading', { name: 'Your caseload' }).waitFor();
  return t;
}

async function openTherapistPage(page) {
  await page.getByRole('link', { name: 'attune' }).click();
  await page.getByRole('link', { name: /Our space/ }).click();
  await openSection(page, /Our therapist/);
  await page.getByRole('heading', { name: 'Our therapist' }).waitFor();
}

export default async function therapist() {
  const server = await startServer();
  const { baseUrl } = server;
  const a = await signedUp(baseUrl, 'Alex');
  const b = await signedUp(baseUrl, 'Bo');
  await createRelationship(a.page, 'Our space');
  await joinWithCode(b.page, await createInviteCode(a.page));
  await b.page.getByRole('heading', { name: 'Our space' }).waitFor();
  const rid = decodeURIComponent(/\/r\/([^/#?]+)/.exec(a.page.url())[1]);

  const therapistEmail = uniqueEmail('rowan');
  await addTherapist(server, { email: therapistEmail, name: 'Rowan' });
  const t = await logInAsTherapist(baseUrl, therapistEmail);
  assert(!(await bodyText(t.page)).includes('Your relationships'), "the therapist never gets the partners' home");
  await t.page.getByRole('button', { name: 'Make a link code' }).click();
  const code = (await t.page.locator('.invite-code').innerText()).trim();
  assert(code.length > 0, 'a link code is shown');

  // What each partner wrote, and for whom.
  const alexApi = await apiAs(baseUrl, a.email);
  const boApi = await apiAs(baseUrl, b.email);
  const write = async (api, text, visibility) =>
    assert((await api('POST', `/api/v1/relationships/${rid}/intake`, { kind: 'safe', text, visibility })).status === 201, text);
  await write(alexApi, 'Alex wrote this for Rowan', 'therapist');
  await write(alexApi, 'Alex kept this private', 'private');
  await write(alexApi, 'Alex shared this with Bo', 'partners');
  const checkin = { relationship_id: rid, kind: 'daily', mood: 6, energy: 5, interest: 5, safety: 8, stress: 3 };
  assert((await boApi('POST', '/api/v1/checkins', { ...checkin, note: 'Bo checked in for Rowan', visibility: 'partners_and_therapist' })).status === 201, 'check-in');

  // Alex links: the limits of confidentiality first, and nothing until "I understand".
  await openTherapistPage(a.page);
  await a.page.getByRole('heading', { name: 'Before you share with a therapist' }).waitFor();
  await a.page.getByLabel('The code your therapist gave you').fill(code);
  const linkButton = a.page.getByRole('button', { name: 'Link our therapist' });
  assert(await linkButton.isDisabled(), 'no link before "I understand"');
  await a.page.getByLabel('I understand').check();
  await linkButton.click();
  await a.page.getByRole('heading', { name: 'Waiting to link with Rowan' }).waitFor();
  await a.page.getByText('1 of 2 agreed').waitFor();
  await screenshot(a.page, 'therapist-a-pending');

  // Not linked until Bo agrees too.
  await t.page.reload();
  await t.page.getByText('No relationship is linked with you yet.').waitFor();
  assert((await (await apiAs(baseUrl, therapistEmail, THERAPIST_PASSWORD))('GET', `/api/v1/therapist/relationships/${rid}/shared`)).status === 404, 'nothing before every consent');

  await openTherapistPage(b.page);
  await b.page.getByLabel('I understand').check();
  await b.page.getByRole('button', { name: 'I agree to this link' }).click();
  await b.page.getByRole('heading', { name: 'Linked with Rowan' }).waitFor();

  // The therapist sees exactly what was shared with them.
  await t.page.reload();
  await t.page.getByRole('link', { name: /Our space/ }).click();
  await t.page.getByRole('heading', { name: 'Shared with you' }).waitFor();
  await t.page.getByText('Alex wrote this for Rowan').waitFor();
  await t.page.getByText('Bo checked in for Rowan').waitFor();
  const seen = await bodyText(t.page);
  assert(!seen.includes('Alex kept this private'), 'never a private entry');
  assert(!seen.includes('Alex shared this with Bo'), 'never a partners-only entry');
  await screenshot(t.page, 'therapist-t-shared');
  await t.page.getByLabel('A new note').fill('Gentle start; both engaged.');
  await t.page.getByRole('button', { name: 'Save note' }).click();
  await t.page.getByText('Gentle start; both engaged.').waitFor();

  // Every read is in the access log of the person whose data was read, and only theirs.
  for (const [who, api] of [[a, alexApi], [b, boApi]]) {
    await who.page.reload();
    await who.page.getByText('Rowan read what you shared with them').first().waitFor();
    const log = (await api('GET', `/api/v1/relationships/${rid}/access-log`)).body.entries;
    assert(log.some((e) => e.action === 'shared') && log.some((e) => e.action === 'caseload'), `${who.email}: shared and caseload reads`);
    assert(log.every((e) => e.actor === 'Rowan'), 'only the therapist read');
  }
  await screenshot(a.page, 'therapist-a-access-log');

  // Alex shares one debrief with Rowan from the debrief screen; Bo's stays Bo's.
  const pid = await endedPractice(rid, alexApi, boApi);
  const debrief = (nourishing) => ({ nourishing, discomfort: '', adjust: 'slower next time' });
  assert((await alexApi('POST', `/api/v1/practices/${pid}/debrief`, debrief('Alex reflects for Rowan'))).status === 201, 'debrief');
  assert((await boApi('POST', `/api/v1/practices/${pid}/debrief`, debrief('Bo keeps this reflection'))).status === 201, 'debrief');
  await a.page.goto(`${baseUrl}/#/r/${encodeURIComponent(rid)}/debrief/${encodeURIComponent(pid)}`);
  const shareBox = a.page.getByLabel('Share my reflections on this practice with Rowan');
  assert(!(await shareBox.isChecked()), 'a debrief is not shared until I choose');
  await shareBox.check();
  await a.page.getByText('Rowan can read your reflections on this practice.').waitFor();
  await screenshot(a.page, 'therapist-a-debrief-share');
  await openTherapistPage(a.page);
  await t.page.reload();
  await t.page.getByText('Alex reflects for Rowan').waitFor();
  assert(!(await bodyText(t.page)).includes('Bo keeps this reflection'), "never a debrief its author kept");

  // Rowan reads the partners' latest safety checks; only Alex answered, so only Alex's log shows it.
  assert((await alexApi('POST', `/api/v1/relationships/${rid}/safety-check`, { answers: { afraid: 0 } })).status === 201, 'safety check');
  await t.page.getByRole('button', { name: 'Read their latest answers' }).click();
  await t.page.getByTestId('safety-checks').getByRole('heading', { name: 'Alex' }).waitFor();
  const actions = async (api) => (await api('GET', `/api/v1/relationships/${rid}/access-log`)).body.entries.map((e) => e.action);
  assert((await actions(alexApi)).includes('safety_check'), "the read is in Alex's log");
  assert(!(await actions(boApi)).includes('safety_check'), "nothing of Bo's was read");

  // The report download, in each partner's log.
  const [download] = await Promise.all([
    t.page.waitForEvent('download'),
    t.page.getByRole('link', { name: 'Download the report' }).click(),
  ]);
  const report = await readFile(await download.path(), 'utf8');
  assert(report.includes('Our space') && report.includes('Bo'), 'the report names the relationship and what Bo shared');
  assert(!report.includes('Alex kept this private'), 'never a private entry in the report');
  for (const api of [alexApi, boApi]) assert((await actions(api)).includes('report'), 'the download is logged');

  // The same report as a PDF, printed on the server; each partner's log shows this read too.
  const reportReads = async (api) => (await actions(api)).filter((action) => action === 'report').length;
  const readsBefore = await Promise.all([alexApi, boApi].map(reportReads));
  const [pdfDownload] = await Promise.all([
    t.page.waitForEvent('download', { timeout: 60_000 }),
    t.page.getByRole('link', { name: 'Download report (PDF)' }).click(),
  ]);
  assert(pdfDownload.suggestedFilename() === 'attune-report.pdf', `PDF named ${pdfDownload.suggestedFilename()}`);
  const pdf = await readFile(await pdfDownload.path());
  assert(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is a PDF');
  const readsAfter = await Promise.all([alexApi, boApi].map(reportReads));
  assert(readsAfter.every((n, i) => n === readsBefore[i] + 1), `one more read logged for each partner: ${readsBefore} → ${readsAfter}`);

  // Rowan pauses practice: Bo sees exactly what Alex's own pause shows him.
  const bosView = async () => JSON.stringify((await boApi('GET', `/api/v1/relationships/${rid}`)).body);
  const open = await bosView();
  await t.page.getByRole('button', { name: 'Pause practice for now' }).click();
  await t.page.getByText('Your hold is in place.').waitFor();
  const underRowansHold = await bosView();
  assert(underRowansHold !== open && JSON.parse(underRowansHold).practice_hold === true, 'practice is paused for now');
  await t.page.getByRole('button', { name: 'Lift my hold' }).click();
  await t.page.getByText('Practice is open.').waitFor();
  assert((await alexApi('PUT', `/api/v1/relationships/${rid}/practice-hold/mine`)).status === 200, "Alex's own pause");
  assert((await bosView()) === underRowansHold, "Bo sees the same bytes for Rowan's hold as for Alex's pause");
  assert((await alexApi('DELETE', `/api/v1/relationships/${rid}/practice-hold/mine`)).status === 200, 'Alex lifts');
  await t.page.reload();
  await t.page.getByRole('button', { name: 'Pause practice for now' }).click();
  await t.page.getByText('Your hold is in place.').waitFor();
  await screenshot(t.page, 'therapist-t-care');

  // Bo's private channel: the therapist reads it, Alex never sees it.
  await b.page.getByLabel('A message to your therapist').fill('A word just for Rowan');
  await b.page.getByRole('button', { name: 'Send' }).click();
  await b.page.getByText('A word just for Rowan').waitFor();
  await t.page.reload();
  await t.page.getByText('A word just for Rowan').waitFor();
  await a.page.reload();
  await a.page.getByRole('heading', { name: 'Who looked at my data' }).waitFor();
  assert(!(await bodyText(a.page)).includes('A word just for Rowan'), "Alex never sees Bo's message");

  // Alex ends the link: the therapist's next request fails; Bo's own channel stays.
  await a.page.getByRole('button', { name: 'End the link now' }).click();
  await a.page.getByRole('heading', { name: 'No therapist is linked' }).waitFor();
  await t.page.getByLabel('A new note').fill('This should not be saved.');
  await t.page.getByRole('button', { name: 'Save note' }).click();
  await t.page.getByText("This isn't available. It may have changed or you may no longer have access.").first().waitFor();
  await t.page.reload();
  await t.page.getByRole('alert').filter({ hasText: "This isn't available" }).first().waitFor();
  assert(!(await bodyText(t.page)).includes('Alex wrote this for Rowan'), 'nothing shared is shown after revocation');
  assert(JSON.parse(await bosView()).practice_hold === false, "the therapist's hold went with the link");
  await b.page.reload();
  await b.page.getByRole('heading', { name: 'Just between you and the therapist' }).waitFor();
  await screenshot(t.page, 'therapist-t-revoked');

  assertNoPageProblems(a.problems, 'Alex');
  assertNoPageProblems(b.problems, 'Bo');
  assertNoPageProblems(t.problems, 'Rowan');
}
