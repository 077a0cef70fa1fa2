// Setting up a practice through the HTTP API rather than the screens (bearer tokens from a
// separate log-in), for tests that are about what comes after: the debrief.
import { assert } from './harness.mjs';
import { PASSWORD } from './flows.mjs';

/** Logs `email` in over the API: {token, id}. */
export async function apiLogIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert(res.status === 200, `API log-in for ${email}: ${res.status}`);
  const body = await res.json();
  return { token: body.token, id: body.account.id };
}

/** One API call as `who`; fails the test unless the status is `want`. */
export async function apiCall(baseUrl, who, method, path, body, want) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${who.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (want !== undefined) assert(res.status === want, `${method} ${path}: want ${want}, got ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * A practice of everyone in `people` (API identities) on the first exercise, signed by all
 * and running once everyone said ready. Returns its id.
 */
export async function runningPractice(baseUrl, rid, people) {
  const { exercises } = await apiCall(baseUrl, people[0], 'GET', '/api/v1/exercises', undefined, 200);
  const exercise = exercises.find((e) => e.id === 'arriving-together') ?? exercises[0];
  for (const person of people) {
    for (const item of exercise.requires) {
      await apiCall(baseUrl, person, 'PUT', `/api/v1/relationships/${rid}/boundaries/mine/${item}`, { answer: 'yes' }, 200);
    }
  }
  const agreement = await apiCall(baseUrl, people[0], 'POST', `/api/v1/relationships/${rid}/agreements`, {
    exercise_id: exercise.id,
    items: exercise.requires,
    time_limit_minutes: 15,
    pause_word: 'amber',
    aftercare: 'Tea, then a few words each.',
  }, 201);
  for (const person of people) {
    await apiCall(baseUrl, person, 'POST', `/api/v1/agreements/${agreement.id}/sign`, { version: 1 }, 200);
  }
  const practice = await apiCall(baseUrl, people[0], 'POST', `/api/v1/agreements/${agreement.id}/practices`, { device: 'own' }, 201);
  for (const person of people) {
    await apiCall(baseUrl, person, 'POST', `/api/v1/practices/${practice.id}/ready`, undefined, 200);
  }
  return practice.id;
}
