// Small shared hooks for loading data and remembering a status line.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onNudge } from './nudges';
import { calmMessage } from './words';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const alive = useRef(true);
  const shown = useRef<string | undefined>(undefined); // the data as JSON, to spot a change
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const value = await load();
      if (!alive.current) return;
      shown.current = JSON.stringify(value);
      setData(value);
      setError(null);
    } catch (err) {
      if (alive.current) setError(calmMessage(err));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, deps);
  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);
  // Something the person can see changed (nudges.ts): fetch again without a loading state,
  // and replace the data only when it differs, so a form seeded from unchanged data keeps
  // what the person is typing.
  const refresh = useCallback(async () => {
    try {
      const value = await load();
      const text = JSON.stringify(value);
      if (!alive.current || text === shown.current) return;
      shown.current = text;
      setData(value);
      setError(null);
    } catch {
      /* keep what is shown; the next nudge or reload tries again */
    }
  }, deps);
  useEffect(() => onNudge(() => void refresh()), [refresh]);
  return { data, error, loading, reload };
}

export interface StatusLine {
  text: string;
  tone: 'info' | 'error';
}

export interface ActionRunner {
  status: StatusLine | null;
  busy: boolean;
  run: (action: () => Promise<unknown>, done?: string) => Promise<boolean>;
  say: (text: string, tone?: StatusLine['tone']) => void;
  /** Forgets the status line (an error that no longer applies once the input changed). */
  clear: () => void;
}

/** Runs an action, keeping a calm status line about how it went. */
export function useAction(): ActionRunner {
  const [status, setStatus] = useState<StatusLine | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setStatus(null);
    try {
      await action();
      if (done) setStatus({ text: done, tone: 'info' });
      return true;
    } catch (err) {
      setStatus({ text: calmMessage(err), tone: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const say = useCallback((text: string, tone: StatusLine['tone'] = 'info') => {
    setStatus({ text, tone });
  }, []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, busy, run, say, clear };
}
