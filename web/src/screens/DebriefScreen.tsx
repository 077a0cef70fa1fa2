// The debrief of one practice: three gentle prompts or a skip, then waiting until everyone
// taking part has answered or skipped, then every answer together, in turn order. The
// reveal arrives as a nudge on the practice's live socket, so an open screen updates at once.
import { useEffect, useState } from 'preact/hooks';
import { getDebriefs, type Debriefs } from '../api';
import { DebriefForm } from '../components/debrief/DebriefForm';
import { ShareWithTherapist } from '../components/debrief/ShareWithTherapist';
import { RevealedDebriefs } from '../components/debrief/RevealedDebriefs';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { useLoad } from '../hooks';
import { LiveConnection } from '../live';
import { Loading } from '../components/Loading';

// Only this tab remembers that its person has answered: the server never says, to anyone.
const answeredKey = (pid: string) => `attune.debrief-given.${pid}`;

function rememberedGiven(pid: string): boolean {
  try {
    return sessionStorage.getItem(answeredKey(pid)) === '1';
  } catch {
    return false;
  }
}

function rememberGiven(pid: string): void {
  try {
    sessionStorage.setItem(answeredKey(pid), '1');
  } catch {
    /* private mode: the waiting note shows until a reload, then the form answers 409 kindly */
  }
}

export function DebriefScreen({ rid, pid }: { rid: string; pid: string }) {
  const debriefs = useLoad(() => getDebriefs(pid), [pid]);
  const [given, setGiven] = useState(() => rememberedGiven(pid));
  const { reload } = debriefs;
  // Listens only once the practice has ended: a socket on a practice still under way counts
  // as a device taking part, whose going away would pause it.
  const ended = Boolean(debriefs.data?.closes_at);

  useEffect(() => {
    if (!ended) return;
    const connection = new LiveConnection(pid, { onState: () => {}, onDebriefs: () => void reload() });
    connection.start();
    return () => connection.stop();
  }, [pid, reload, ended]);

  return (
    <RelationshipFrame rid={rid} title="Reflecting together" back="history">
      <Loading of={[debriefs]} />
      {debriefs.error && <p role="alert">{debriefs.error}</p>}
      {debriefs.data && (
        <DebriefBody
          pid={pid}
          debriefs={debriefs.data}
          given={given}
          onGiven={() => {
            rememberGiven(pid);
            setGiven(true);
            void reload();
          }}
        />
      )}
      {debriefs.data && mayShare(debriefs.data, given) && <ShareWithTherapist rid={rid} pid={pid} />}
    </RelationshipFrame>
  );
}

// My own written answer can be shared; a skip holds nothing, and before answering there is
// nothing yet.
function mayShare(debriefs: Debriefs, given: boolean): boolean {
  if (debriefs.status === 'revealed') return debriefs.debriefs.some((d) => d.mine && !d.skipped);
  return given;
}

function DebriefBody({
  pid,
  debriefs,
  given,
  onGiven,
}: {
  pid: string;
  debriefs: Debriefs;
  given: boolean;
  onGiven: () => void;
}) {
  if (debriefs.status === 'revealed') return <RevealedDebriefs debriefs={debriefs.debriefs} />;
  if (!debriefs.closes_at) {
    return <p class="muted">The debrief opens once the practice has ended.</p>;
  }
  if (Date.parse(debriefs.closes_at) <= Date.now()) {
    return (
      <p class="muted" data-testid="debrief-closed">
        This debrief has closed. Whatever anyone wrote stays with them and is not shown.
      </p>
    );
  }
  if (given) {
    return (
      <p class="card" role="status" data-testid="debrief-waiting">
        Your reflections are in. They'll be shown when everyone has answered or skipped — this
        screen updates by itself.
      </p>
    );
  }
  return <DebriefForm pid={pid} onGiven={onGiven} />;
}
