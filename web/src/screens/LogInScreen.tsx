import { CredentialsForm } from '../components/CredentialsForm';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';

export function LogInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <section class="screen narrow">
      <Heading>Welcome back</Heading>
      <CredentialsForm submitLabel="Log in" onSignedIn={onSignedIn} />
      <p>
        <Link to={{ name: 'forgot' }}>Forgot password?</Link>
      </p>
      <p>
        New here? <Link to={{ name: 'signup' }}>Create an account</Link>
      </p>
    </section>
  );
}
