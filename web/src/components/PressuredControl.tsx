import { useEffect, useRef, useState } from 'preact/hooks';
import { pressured, type Resources } from '../api';
import { calmMessage } from '../words';
import { ResourceList } from './ResourceList';

/**
 * "I feel pressured": shows support privately. The server sets aside (voids) agreements
 * naming the person, unattributed; nobody is told who asked or why.
 */
export function PressuredControl({ rid }: { rid: string }) {
  const [open, setOpen] = useState(false);
  const [resources, setResources] = useState<Resources | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const ask = async () => {
    setOpen(true);
    setError(null);
    try {
      setResources(await pressured(rid));
    } catch (err) {
      setError(calmMessage(err));
    }
  };

  return (
    <aside class="pressured" aria-labelledby={`pressured-${rid}`}>
      {!open ? (
        <button type="button" class="quiet small-button" id={`pressured-${rid}`} onClick={ask}>
          I feel pressured
        </button>
      ) : (
        <div class="card stack" role="region" aria-live="polite" id={`pressured-${rid}`} aria-label="Support just for you">
          <h2 tabIndex={-1} ref={heading}>
            This is just for you
          </h2>
          <p>
            Thank you for noticing how you feel. You never have to agree to anything, and you can
            pause, say no or step away at any time, without a reason.
          </p>
          <p>
            To protect you, any agreement here that includes you has been set aside, and any
            practice on it is paused. Others only see that it is no longer in force — never why.
            Nobody has been told that you asked for help.
          </p>
          <p>
            Nothing else has changed: your boundaries and your entries are as you left them. If
            one day you want to practise again, you can draft a new agreement and sign it then —
            there is no hurry, and you never need to explain.
          </p>
          {error && <p role="alert">{error}</p>}
          {resources && <ResourceList resources={resources} headingLevel={3} />}
          <button type="button" class="quiet" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </aside>
  );
}
