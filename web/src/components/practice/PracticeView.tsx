import type { InPersonProof, Person, PracticeState } from '../../api';
import { CareNotes } from '../care/CareNotes';
import { Link } from '../Link';
import { InPersonConfirm } from './InPersonConfirm';
import { PauseButton } from './PauseButton';
import { clockText, spokenTime } from './time';

export interface PracticeActions {
  /** On a shared device, with each other person's own proof. */
  ready: (proofs?: InPersonProof[]) => void;
  pause: () => void;
  resume: (proofs?: InPersonProof[]) => void;
  end: () => void;
  leave: () => void;
}

export interface PracticeViewProps {
  state: PracticeState;
  /** When the state arrived (ms), to count time down between updates. */
  receivedAt: number;
  now: number;
  participants: Person[];
  meId: string | null;
  pauseWord: string;
  aftercare?: string;
  /** The relationship, for the link to the care plan from the pause screen. */
  rid?: string;
  busy: boolean;
  actions: PracticeActions;
}

export const statusAnnouncements = {
  waiting: 'Waiting until everyone is ready.',
  running: 'The practice is running.',
  paused: 'Paused. Everything has stopped.',
  ended: 'The practice has ended.',
} as const;

/** The whole practice screen for one state. Counts are shown, never names of who did what. */
export function PracticeView(props: PracticeViewProps) {
  const { state, actions } = props;
  const ended = state.status === 'ended';
  return (
    <div class={`practice practice-${state.status}`}>
      {/* First in the reading and tab order, though it shows fixed at the bottom. */}
      {!ended && <PauseButton paused={state.status === 'paused'} onPause={actions.pause} />}
      <p class="visually-hidden" role="status" aria-live="assertive">
        {statusAnnouncements[state.status] ?? ''}
      </p>
      {state.status === 'waiting' && <WaitingPanel {...props} />}
      {state.status === 'running' && <RunningPanel {...props} />}
      {state.status === 'paused' && <PausedPanel {...props} />}
      {ended && <EndedPanel {...props} />}
      <div class="row practice-exits">
        {!ended && (
          <button type="button" class="quiet" disabled={props.busy} onClick={actions.end}>
            End the practice
          </button>
        )}
        <button type="button" class="quiet" onClick={actions.leave}>
          Leave this screen
        </button>
      </div>
    </div>
  );
}

function WaitingPanel({ state, participants, meId, busy, actions }: PracticeViewProps) {
  const shared = state.device === 'shared';
  return (
    <section class="stack" aria-labelledby="practice-heading">
      <h2 id="practice-heading" class="practice-title">Ready?</h2>
      <p>
        The practice begins only when everyone says they're ready, right now. It's fine not to be.
        Nobody is told who hasn't said yes.
      </p>
      <p class="count" data-testid="ready-count">
        {state.ready_count} of {state.participant_count} ready
      </p>
      {state.void && <VoidNotice />}
      {!state.void &&
        (shared ? (
          <InPersonConfirm
            participants={participants}
            meId={meId}
            question="Is everyone ready?"
            confirmLabel={(name) => `${name}: I'm ready`}
            busy={busy}
            onAllConfirmed={(proofs) => actions.ready(proofs)}
          />
        ) : state.you_ready ? (
          <p class="confirmed">
            You said you're ready. Waiting for everyone. Pressing Pause now takes back your “ready”.
          </p>
        ) : (
          <button type="button" class="primary wide" disabled={busy} onClick={() => actions.ready()}>
            I'm ready
          </button>
        ))}
    </section>
  );
}

function RunningPanel({ state, receivedAt, now, participants, meId }: PracticeViewProps) {
  const phase = state.phase;
  const nameOf = (id?: string | null) =>
    id ? (id === meId ? 'You' : participants.find((p) => p.id === id)?.display_name ?? id) : null;
  const stepLeft = phase?.ends_at ? (Date.parse(phase.ends_at) - now) / 1000 : null;
  const totalLeft = state.time_left_seconds - (now - receivedAt) / 1000;
  const giver = nameOf(phase?.giver);
  const receiver = nameOf(phase?.receiver);
  const youGive = phase?.giver === meId;
  const youReceive = phase?.receiver === meId;
  return (
    <section class="stack" aria-labelledby="practice-heading">
      <h2 id="practice-heading" class="practice-title">
        {phase?.name ?? 'In progress'}
      </h2>
      {giver && receiver && (
        <p class="roles">
          <span>
            <strong>{giver}</strong> {youGive ? 'give' : 'gives'}
          </span>
          <span>
            <strong>{receiver}</strong> {youReceive ? 'receive' : 'receives'}
          </span>
        </p>
      )}
      {phase?.instruction && <p class="instruction">{phase.instruction}</p>}
      <dl class="timers">
        {stepLeft !== null && (
          <div>
            <dt>This step</dt>
            <dd>
              <span aria-hidden="true">{clockText(stepLeft)}</span>
              <span class="visually-hidden">{spokenTime(stepLeft)} left</span>
            </dd>
          </div>
        )}
        <div>
          <dt>Time left</dt>
          <dd>
            <span aria-hidden="true">{clockText(totalLeft)}</span>
            <span class="visually-hidden">{spokenTime(totalLeft)} left in total</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function PausedPanel({ state, participants, meId, pauseWord, rid, busy, actions }: PracticeViewProps) {
  const shared = state.device === 'shared';
  return (
    <section class="stack" aria-labelledby="practice-heading">
      <h2 id="practice-heading" class="practice-title">
        Paused
      </h2>
      <p>
        Everything has stopped. Take all the time you need. Nobody has to explain anything, and it's
        completely fine to end here.
      </p>
      {pauseWord && (
        <p class="pause-word-line">
          Your pause word: <strong class="pause-word">{pauseWord}</strong>
        </p>
      )}
      <section class="card care-plan" aria-labelledby="care-heading">
        <h3 id="care-heading">Care plan</h3>
        <CareNotes notes={state.care ?? []} />
        {rid && (
          <Link to={{ name: 'care', rid }} class="small">
            Open your care plan
          </Link>
        )}
      </section>
      {state.void ? (
        <VoidNotice />
      ) : (
        <>
          <p class="count" data-testid="resume-count">
            {state.resume_consent_count} of {state.participant_count} ready to continue
          </p>
          {shared ? (
            <InPersonConfirm
              participants={participants}
              meId={meId}
              question="Would everyone like to continue?"
              confirmLabel={(name) => `${name}: I'd like to continue`}
              busy={busy}
              onAllConfirmed={(proofs) => actions.resume(proofs)}
            />
          ) : state.you_consented ? (
            <p class="confirmed">You're ready to continue. It resumes only when everyone is.</p>
          ) : (
            <button type="button" class="wide" disabled={busy} onClick={() => actions.resume()}>
              I'd like to continue
            </button>
          )}
        </>
      )}
    </section>
  );
}

function EndedPanel({ aftercare }: PracticeViewProps) {
  return (
    <section class="stack" aria-labelledby="practice-heading">
      <h2 id="practice-heading" class="practice-title">
        The practice has ended
      </h2>
      <p>Thank you for taking part, however it went. Take whatever time you need now.</p>
      {aftercare && (
        <section class="card" aria-labelledby="aftercare-heading">
          <h3 id="aftercare-heading">Your aftercare plan</h3>
          <p class="entry-text">{aftercare}</p>
        </section>
      )}
    </section>
  );
}

function VoidNotice() {
  return (
    <p class="card">
      This agreement is no longer in force, so the practice can't continue. You can end it whenever
      you like — nobody needs a reason.
    </p>
  );
}
