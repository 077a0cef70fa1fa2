import { useState } from 'preact/hooks';
import {
  createAgreement,
  getCatalogue,
  getRelationship,
  listAgreements,
  listPractices,
  type PracticeStatus,
} from '../api';
import { AgreementForm } from '../components/AgreementForm';
import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SignatureSummary } from '../components/SignatureSummary';
import { exercisesOnce } from '../content';
import { useLoad } from '../hooks';
import { navigate } from '../router';

export const practiceStatusLabels: Record<PracticeStatus, string> = {
  waiting: 'Waiting for everyone',
  running: 'In progress',
  paused: 'Paused',
  ended: 'Ended',
};

export function AgreementsScreen({ rid }: { rid: string }) {
  const agreements = useLoad(() => listAgreements(rid), [rid]);
  const practices = useLoad(() => listPractices(rid), [rid]);
  const exercises = useLoad(exercisesOnce, []);
  const [drafting, setDrafting] = useState(false);
  const title = (id: string) => exercises.data?.find((e) => e.id === id)?.title ?? 'An exercise';
  const openPractices = practices.data?.filter((p) => p.status !== 'ended') ?? [];

  return (
    <RelationshipFrame rid={rid} title="Agreements and practice">
      <p class="muted">
        Before any practice, everyone taking part agrees on what is in scope, a time limit and a
        pause word. Anyone can withdraw at any time, without giving a reason.
      </p>
      {(agreements.error || practices.error) && <p role="alert">{agreements.error ?? practices.error}</p>}

      {openPractices.length > 0 && (
        <section class="stack" aria-labelledby="practices-heading">
          <h2 id="practices-heading">Practices</h2>
          <ul class="plain-list">
            {openPractices.map((p) => (
              <li key={p.id}>
                <Link class="card card-link" to={{ name: 'practice', rid, pid: p.id }}>
                  Practice · {practiceStatusLabels[p.status] ?? p.status}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="stack" aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Agreements</h2>
        {agreements.data && agreements.data.length === 0 && <p>No agreements yet.</p>}
        <ul class="plain-list">
          {agreements.data?.map((a) => (
            <li key={a.id}>
              <Link class="card card-link" to={{ name: 'agreement', rid, aid: a.id }}>
                {title(a.exercise_id)} · version {a.version}
                <span class="card-sub">
                  <SignatureSummary
                    status={a.status}
                    signatureCount={a.signature_count}
                    participantCount={a.participant_count}
                    youSigned={a.you_signed}
                  />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <p>
        <Link to={{ name: 'exercises', rid }}>Browse the exercise library</Link>
      </p>

      {!drafting ? (
        <button type="button" class="primary" onClick={() => setDrafting(true)}>
          Draft an agreement
        </button>
      ) : (
        <NewAgreement rid={rid} onCancel={() => setDrafting(false)} />
      )}
    </RelationshipFrame>
  );
}

function NewAgreement({ rid, onCancel }: { rid: string; onCancel: () => void }) {
  const relationship = useLoad(() => getRelationship(rid), [rid]);
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const exercises = useLoad(exercisesOnce, []);
  const error = relationship.error ?? catalogue.error ?? exercises.error;
  if (error) return <p role="alert">{error}</p>;
  if (!relationship.data || !catalogue.data || !exercises.data) return <p role="status">Loading…</p>;
  return (
    <section class="stack" aria-labelledby="draft-heading">
      <h2 id="draft-heading">A new agreement</h2>
      <AgreementForm
        rid={rid}
        partners={relationship.data.partners}
        exercises={exercises.data}
        catalogue={catalogue.data}
        submitLabel="Save draft"
        onCancel={onCancel}
        onSubmit={async (body) => {
          const { id } = await createAgreement(rid, body);
          navigate({ name: 'agreement', rid, aid: id });
        }}
      />
    </section>
  );
}
