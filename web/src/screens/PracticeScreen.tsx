import { useEffect, useRef, useState } from 'preact/hooks';
import {
  getAgreement,
  getPractice,
  getRelationship,
  listPractices,
  pauseKeepalive,
  practiceAct,
  type InPersonProof,
  type Person,
  type PracticeAct,
  type PracticeState,
} from '../api';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { PracticeCheckin } from '../components/PracticeCheckin';
import { PracticeHoldBanner } from '../components/PracticeHoldBanner';
import { PressuredControl } from '../components/PressuredControl';
import { PracticeView } from '../components/practice/PracticeView';
import { DebriefOffer } from '../components/debrief/DebriefOffer';
import { Status } from '../components/Status';
import { useAction } from '../hooks';
import { LiveConnection, type LinkStatus } from '../live';
import { onQuickExit, pauseOnQuickExit } from '../quickExit';
import { navigate } from '../router';
import { sessionAccountId } from '../session';
import { useWakeLock } from '../wakeLock';
import { cueFor, loadCueSettings, play, saveCueSettings, type CueSettings } from '../cues';
import { CueSettingsPanel } from '../components/practice/CueSettingsPanel';
import { calmMessage } from '../words';

interface Context {
  participants: Person[];
  aftercare: string;
}

async function loadContext(rid: string, pid: string, agreementId?: string): Promise<Context> {
  const relationship = await getRelationship(rid);
  const aid =
    agreementId ?? (await listPractices(rid).catch(() => [])).find((p) => p.id === pid)?.agreement_id;
  const agreement = aid ? await getAgreement(aid).catch(() => null) : null;
  const ids = agreement?.participants;
  const participants = ids
    ? ids.map((id) => relationship.partners.find((p) => p.id === id) ?? { id, display_name: 'A participant' })
    : relationship.partners;
  return { participants, aftercare: agreement?.aftercare ?? '' };
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function PracticeScreen({ rid, pid }: { rid: string; pid: string }) {
  const [state, setState] = useState<PracticeState | null>(null);
  const [receivedAt, setReceivedAt] = useState(Date.now());
  const [context, setContext] = useState<Context | null>(null);
  const [link, setLink] = useState<LinkStatus>('connecting');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const live = useRef<LiveConnection | null>(null);
  // The state as it is now, for handlers registered once (the P key).
  const latest = useRef<PracticeState | null>(null);
  latest.current = state;
  const { status, busy, run, say } = useAction();
  const meId = sessionAccountId();

  useEffect(() => {
    const connection = new LiveConnection(pid, {
      onState: (s) => {
        setState(s);
        setReceivedAt(Date.now());
      },
      onLink: setLink,
    });
    live.current = connection;
    connection.start();
    getPractice(pid)
      .then((s) => {
        connection.accept(s);
        return loadContext(rid, pid, s.agreement_id);
      })
      .then(setContext, (err) => setLoadError(calmMessage(err)));
    return () => connection.stop();
  }, [rid, pid]);

  // Opt-in cues on this device: a tone, a vibration, the step read aloud.
  const [cues, setCues] = useState<CueSettings>(loadCueSettings);
  const heard = useRef<PracticeState | null>(null);
  useEffect(() => {
    if (!state) return;
    const nameOf = (id: string) => context?.participants.find((p) => p.id === id)?.display_name ?? 'your partner';
    const cue = cueFor(heard.current, state, meId, nameOf);
    heard.current = state;
    if (cue) play(cue, cues);
  }, [state]);

  const activeStatus = state && state.status !== 'ended';
  useWakeLock(Boolean(activeStatus));
  const now = useNow(state?.status === 'running');

  // Quick exit pauses first, with a request that outlives the page.
  useEffect(() => {
    if (!activeStatus) return;
    const forget = pauseOnQuickExit(pid);
    const unhook = onQuickExit(() => {
      live.current?.send({ type: 'pause' });
      pauseKeepalive(pid);
    });
    return () => {
      forget();
      unhook();
    };
  }, [pid, activeStatus]);

  const send = (kind: PracticeAct, proofs?: InPersonProof[]) => async () =>
    live.current?.accept(await practiceAct(pid, kind, proofs));
  const act = (kind: PracticeAct, proofs?: InPersonProof[]) => run(send(kind, proofs));

  // Pause stays out of `busy`: while one pause is still on its way, pressing pause again,
  // or ending, must still work.
  const pause = () => {
    // Before the start a pause takes back this person's "ready": say so rather than do it silently.
    const current = latest.current;
    if (current?.status === 'waiting' && current.you_ready) {
      say("You pressed pause before the start, so your “ready” is taken back. Say you're ready again whenever you are.");
    }
    live.current?.send({ type: 'pause' });
    practiceAct(pid, 'pause').then(
      (s) => live.current?.accept(s),
      (err) => say(calmMessage(err), 'error'),
    );
  };

  // "P" pauses from anywhere on this screen, unless typing in a field.
  useEffect(() => {
    if (!activeStatus) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key.toLowerCase() !== 'p' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      pause();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pid, activeStatus]);

  const leave = () => {
    if (state?.status === 'running') pause();
    navigate({ name: 'agreements', rid });
  };

  return (
    <section class="screen practice-screen">
      <nav aria-label="Back">
        <Link to={{ name: 'agreements', rid }}>← Agreements</Link>
      </nav>
      <Heading>Practice</Heading>
      {/* A running practice is never held (a hold pauses it), so only then is it not asked. */}
      {(state?.status === 'waiting' || state?.status === 'paused') && (
        <PracticeHoldBanner rid={rid} refresh={state.seq} />
      )}
      {link === 'retrying' && (
        <p class="link-note" role="status">
          Reconnecting… You can still pause at any time.
        </p>
      )}
      {loadError && <p role="alert">{loadError}</p>}
      {!state && !loadError && <p role="status">Loading the practice…</p>}
      {state && (
        <PracticeView
          state={state}
          receivedAt={receivedAt}
          now={now}
          participants={context?.participants ?? []}
          meId={meId}
          pauseWord={state.pause_word}
          aftercare={context?.aftercare}
          rid={rid}
          busy={busy}
          actions={{
            ready: (proofs) => void act('ready', proofs),
            pause,
            resume: (proofs) => void act('resume', proofs),
            end: () => setConfirmEnd(true),
            leave,
          }}
        />
      )}
      {confirmEnd && state?.status !== 'ended' && (
        <ConfirmPanel
          label="Confirm ending"
          confirmLabel="Yes, end it"
          cancelLabel="Not now"
          runner={{ busy, run }}
          action={() => {
            setConfirmEnd(false);
            return send('end')();
          }}
          onCancel={() => setConfirmEnd(false)}
        >
          End the practice for everyone now? No reason needed.
        </ConfirmPanel>
      )}
      {activeStatus && (
        <CueSettingsPanel
          settings={cues}
          onChange={(next) => {
            setCues(next);
            saveCueSettings(next);
          }}
        />
      )}
      {state?.status === 'ended' && <DebriefOffer rid={rid} pid={pid} />}
      {state && <PracticeCheckin rid={rid} pid={pid} status={state.status} />}
      <Status status={status} />
      <PressuredControl rid={rid} />
    </section>
  );
}
