// Keeps the screen awake during a practice where the browser allows it, re-acquiring the
// lock when the page becomes visible again (browsers drop it when hidden).
import { useEffect } from 'preact/hooks';

interface Sentinel {
  release(): Promise<void>;
}
interface WakeLockApi {
  request(type: 'screen'): Promise<Sentinel>;
}

export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
    if (!active || !api) return;
    let sentinel: Sentinel | null = null;
    let done = false;
    const acquire = async () => {
      if (done || document.visibilityState !== 'visible') return;
      try {
        sentinel = await api.request('screen');
        if (done) void sentinel.release();
      } catch {
        /* not allowed (battery saver, permissions): the practice works regardless */
      }
    };
    const onVisible = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      done = true;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release().catch(() => {});
    };
  }, [active]);
}
