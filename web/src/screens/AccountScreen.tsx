import { useState } from 'preact/hooks';
import { getMe } from '../api';
import { DeleteAccountSection } from '../components/account/DeleteAccountSection';
import { PasswordForm } from '../components/account/PasswordForm';
import { RecoveryCodeSection } from '../components/account/RecoveryCodeSection';
import { SessionList } from '../components/account/SessionList';
import { TimeZoneForm } from '../components/account/TimeZoneForm';
import { Heading } from '../components/Heading';
import { useLoad } from '../hooks';

/** The person's own account: time zone, password, devices, recovery code, deletion. */
export function AccountScreen({ onDeleted }: { onDeleted: () => void }) {
  const me = useLoad(getMe, []);
  // Changing the password logs other devices out: the list is read again.
  const [version, setVersion] = useState(0);
  return (
    <section class="screen narrow stack">
      <Heading>Your account</Heading>
      {me.error && <p role="alert">{me.error}</p>}
      {me.data && <TimeZoneForm current={me.data.time_zone} />}
      <PasswordForm onChanged={() => setVersion((v) => v + 1)} />
      <SessionList version={version} />
      <RecoveryCodeSection />
      <DeleteAccountSection onDeleted={onDeleted} />
    </section>
  );
}
