import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession, csrfToken, sessionAccountId } from '../session';
import { CredentialsForm } from './CredentialsForm';

type Call = { url: string; body: unknown };

function server(login: { status: number; body: unknown }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(init.body as string) : undefined });
      const reply = url.endsWith('/auth/login') ? login : { status: 201, body: { id: 'new' } };
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }),
  );
  return calls;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

function show(props: Partial<Parameters<typeof CredentialsForm>[0]> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const onSignedIn = vi.fn();
  render(<CredentialsForm submitLabel="Go" onSignedIn={onSignedIn} {...props} />, root);
  const type = (name: string, value: string) => {
    const input = root.querySelector(`input[name="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = async () => {
    await settle();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  };
  const alert = () => root.querySelector('[role="alert"]')?.textContent ?? '';
  return { onSignedIn, type, submit, alert };
}

const loggedIn = {
  status: 200,
  body: { token: 'T', csrf_token: 'c1', account: { id: 'a1', display_name: 'Sam' } },
};

describe('CredentialsForm', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('runs the first step, then logs in with the trimmed e-mail and keeps the session', async () => {
    const calls = server(loggedIn);
    const before = vi.fn(async () => {});
    const form = show({ before });
    form.type('email', '  sam@example.test ');
    form.type('password', 'a long password');
    await form.submit();
    expect(before).toHaveBeenCalledWith('sam@example.test', 'a long password');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/login']);
    expect(calls[0].body).toEqual({ email: 'sam@example.test', password: 'a long password' });
    expect(csrfToken()).toBe('c1');
    expect(sessionAccountId()).toBe('a1');
    expect(form.onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('says why it cannot be sent yet and sends nothing', async () => {
    const calls = server(loggedIn);
    const form = show({ check: (password) => (password.length < 10 ? 'Longer, please.' : null) });
    form.type('email', 'sam@example.test');
    form.type('password', 'short');
    await form.submit();
    expect(form.alert()).toBe('Longer, please.');
    expect(calls).toHaveLength(0);
    expect(form.onSignedIn).not.toHaveBeenCalled();
  });

  it('a wrong password is said calmly and keeps the person on the form', async () => {
    server({ status: 401, body: { error: { code: 'invalid_credentials', message: 'No.' } } });
    const form = show();
    form.type('email', 'sam@example.test');
    form.type('password', 'a long password');
    await form.submit();
    expect(form.alert()).toMatch(/didn't match/);
    expect(csrfToken()).toBeNull();
    expect(form.onSignedIn).not.toHaveBeenCalled();
  });
});
