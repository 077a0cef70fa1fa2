import { acceptStage, getProgramme, type Programme } from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';
import { Loading } from '../components/Loading';

const statusWords = {
  open: 'Open',
  offered: 'On offer',
  closed: 'Not yet',
} as const;

export function ProgrammeScreen({ rid }: { rid: string }) {
  const programme = useLoad(() => getProgramme(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Your programme">
      <p class="muted">
        The exercises come in gentle stages. A new stage is only ever offered, never opened by
        itself, and it opens only when every one of you says yes. Going back to an earlier stage is
        always fine.
      </p>
      <Loading of={[programme]} />
      {programme.error && <p role="alert">{programme.error}</p>}
      {programme.data?.suggestion && (
        <aside class="card stack step-back" aria-label="A gentle suggestion">
          <p>{programme.data.suggestion.message}</p>
        </aside>
      )}
      {programme.data?.offer && <Offer rid={rid} programme={programme.data} onChange={programme.reload} />}
      <ol class="plain-list stages">
        {programme.data?.stages.map((s) => (
          <li key={s.stage} class={`card stage stage-${s.status}`}>
            <strong>
              Stage {s.stage}: {s.title}
            </strong>
            <span class="card-sub">{statusWords[s.status]}</span>
          </li>
        ))}
      </ol>
    </RelationshipFrame>
  );
}

function Offer({ rid, programme, onChange }: { rid: string; programme: Programme; onChange: () => void }) {
  const offer = programme.offer!;
  const { status, busy, run } = useAction();
  return (
    <section class="card stack offer" aria-labelledby="offer-heading">
      <h2 id="offer-heading">Stage {offer.stage} is on offer</h2>
      <p>
        The next stage is here if you all want it. There is no hurry, and no need to give a reason
        either way.
      </p>
      <p class="offer-count">
        {offer.accepted_count} of {offer.participant_count} accepted
      </p>
      {offer.you_accepted ? (
        <p>You said yes. It opens when everyone has.</p>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await acceptStage(rid, offer.stage);
              onChange();
            }, 'Thank you. Your yes is noted.')
          }
        >
          Yes, I would like stage {offer.stage}
        </button>
      )}
      <Status status={status} />
    </section>
  );
}
