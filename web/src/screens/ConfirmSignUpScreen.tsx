import { useState } from 'preact/hooks';
import { confirmSignUp } from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { RecoveryCodePanel } from '../components/RecoveryCodePanel';
import { Status } from '../components/Status';
import { useAction } from '../hooks';
import { navigate } from '../router';

/** Where the sign-up confirmation link lands: confirms, then shows the first recovery code once. */
export function ConfirmSignUpScreen({ token }: { token: string }) {
  const [code, setCode] = useState('');
  const { status, busy, run } = useAction();
  const confirm = () =>
    run(async () => {
      setCode(await confirmSignUp(token));
    });
  return (
    <section class="screen narrow">
      <Heading>Confirm your e-mail address</Heading>
      {code ? (
        <RecoveryCodePanel code={code} onKept={() => navigate({ name: 'login' })} />
      ) : (
        <div class="stack">
          <p>One step left: confirm that this address is yours, then log in.</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
            Confirm my address
          </button>
          <Status status={status} />
          <p>
            <Link to={{ name: 'login' }}>Back to log in</Link>
          </p>
        </div>
      )}
    </section>
  );
}
