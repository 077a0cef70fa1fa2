import { useState } from 'preact/hooks';
import type { PracticeState } from '../api';
import { CheckinForm } from './CheckinForm';

type Closed = 'saved' | 'skipped';

/**
 * The check-in a practice offers: before it starts (while everyone gets ready) and after it
 * ends. Always skippable; once saved or skipped it does not come back on this screen.
 */
export function PracticeCheckin({
  rid,
  pid,
  status,
}: {
  rid: string;
  pid: string;
  status: PracticeState['status'];
}) {
  const [closed, setClosed] = useState<{ pre?: Closed; post?: Closed }>({});
  const kind = status === 'waiting' ? 'pre' : status === 'ended' ? 'post' : null;
  if (!kind) return null;
  if (closed[kind] === 'saved') {
    return (
      <p class="muted" role="status">
        Thank you. Your check-in is saved.
      </p>
    );
  }
  if (closed[kind] === 'skipped') return null;
  const close = (how: Closed) => () => setClosed({ ...closed, [kind]: how });
  return (
    <CheckinForm
      key={kind}
      rid={rid}
      kind={kind}
      practiceId={pid}
      onDone={close('saved')}
      onSkip={close('skipped')}
    />
  );
}
