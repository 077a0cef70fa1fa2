import { useMemo, useState } from 'preact/hooks';
import {
  getAgreement,
  getAgreementVersions,
  getCatalogue,
  getRelationship,
  listPractices,
  signAgreement,
  startPractice,
  updateAgreement,
  withdrawAgreement,
  type Agreement,
  type AgreementBody,
  type AgreementVersion,
} from '../api';
import { diffVersions, type Names } from '../agreementDiff';
import { ActionButton } from '../components/ActionButton';
import { AgreementForm } from '../components/AgreementForm';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SharedCarePlan } from '../components/care/SharedCarePlan';
import { SignatureSummary } from '../components/SignatureSummary';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { exercisesOnce } from '../content';
import { useAction, useLoad } from '../hooks';
import { navigate } from '../router';
import { Loading } from '../components/Loading';

export function AgreementScreen({ rid, aid }: { rid: string; aid: string }) {
  const agreement = useLoad(() => getAgreement(aid), [aid]);
  const versions = useLoad(() => getAgreementVersions(aid), [aid]);
  const relationship = useLoad(() => getRelationship(rid), [rid]);
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const exercises = useLoad(exercisesOnce, []);
  const [editing, setEditing] = useState(false);

  const names: Names = useMemo(
    () => ({
      item: (id) => catalogue.data?.items.find((i) => i.id === id)?.label ?? 'An item',
      person: (id) => relationship.data?.partners.find((p) => p.id === id)?.display_name ?? 'A former member',
      exercise: (id) => exercises.data?.find((e) => e.id === id)?.title ?? 'An exercise',
    }),
    [catalogue.data, relationship.data, exercises.data],
  );

  const reload = () => {
    void agreement.reload();
    void versions.reload();
  };

  const a = agreement.data;
  const current = versions.data?.find((v) => v.version === a?.version);
  const body: AgreementVersion | Agreement | undefined = current ?? a;
  const error = agreement.error ?? relationship.error ?? catalogue.error ?? exercises.error;

  return (
    <RelationshipFrame rid={rid} title="Agreement" back="agreements">
      <Loading of={[agreement, versions]} />
      {error && <p role="alert">{error}</p>}
      {a && (
        <>
          <div aria-live="polite">
            <SignatureSummary
              status={a.status}
              signatureCount={a.signature_count}
              participantCount={a.participant_count}
              youSigned={a.you_signed}
            />
          </div>
          {/* What changed comes before the terms and the signing, so it is read first. */}
          {versions.data && versions.data.length > 1 && <VersionHistory versions={versions.data} names={names} />}
          {body && <AgreementTerms body={body} version={a.version} names={names} />}
          {!editing && <AgreementActions agreement={a} rid={rid} onChange={reload} onEdit={() => setEditing(true)} />}
          {editing && relationship.data && catalogue.data && exercises.data && body && (
            <section class="stack" aria-labelledby="edit-heading">
              <h2 id="edit-heading">Change the agreement</h2>
              <p class="muted">Saving makes a new version. Everyone signs again, fresh.</p>
              <AgreementForm
                rid={rid}
                partners={relationship.data.partners}
                exercises={exercises.data}
                catalogue={catalogue.data}
                initial={{
                  exercise_id: body.exercise_id,
                  participants: body.participants,
                  items: body.items,
                  time_limit_minutes: body.time_limit_minutes,
                  role_order: body.role_order,
                  pause_word: body.pause_word,
                  aftercare: body.aftercare,
                }}
                submitLabel="Save as a new version"
                onCancel={() => setEditing(false)}
                onSubmit={async (next) => {
                  await updateAgreement(aid, next);
                  setEditing(false);
                  reload();
                }}
              />
            </section>
          )}
          {a.status === 'draft' && <SharedCarePlan rid={rid} />}
        </>
      )}
    </RelationshipFrame>
  );
}

function AgreementTerms({
  body,
  version,
  names,
}: {
  body: Partial<AgreementBody> & { exercise_id: string };
  version: number;
  names: Names;
}) {
  return (
    <section class="card stack agreement-terms" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Version {version}</h2>
      <dl class="terms">
        <dt>Exercise</dt>
        <dd>{names.exercise(body.exercise_id)}</dd>
        {body.participants && (
          <>
            <dt>Taking part</dt>
            <dd>{body.participants.map(names.person).join(', ')}</dd>
          </>
        )}
        <dt>In scope</dt>
        <dd>
          {body.items && body.items.length ? (
            <ul class="inline-list">
              {body.items.map((id) => (
                <li key={id}>{names.item(id)}</li>
              ))}
            </ul>
          ) : (
            'Nothing beyond the exercise itself'
          )}
        </dd>
        <dt>Time limit</dt>
        <dd>{body.time_limit_minutes} minutes</dd>
        {body.role_order && (
          <>
            <dt>Who gives first</dt>
            <dd>{body.role_order.map(names.person).join(', then ')}</dd>
          </>
        )}
        <dt>Pause word</dt>
        <dd class="pause-word">{body.pause_word}</dd>
        <dt>Aftercare and debrief</dt>
        <dd>{body.aftercare || 'Not written yet'}</dd>
      </dl>
    </section>
  );
}

function AgreementActions({
  agreement: a,
  rid,
  onChange,
  onEdit,
}: {
  agreement: Agreement;
  rid: string;
  onChange: () => void;
  onEdit: () => void;
}) {
  const runner = useAction();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [device, setDevice] = useState<'own' | 'shared'>('own');
  // An agreement has one open practice; opening it again joins that one (the server decides).
  const practices = useLoad(() => listPractices(rid), [rid, a.status]);
  const open = practices.data?.find((p) => p.agreement_id === a.id && p.status !== 'ended');
  return (
    <section class="stack" aria-label="What you can do">
      {a.status === 'draft' && !a.you_signed && (
        <ActionButton
          runner={runner}
          class="primary"
          action={async () => {
            await signAgreement(a.id, a.version);
            onChange();
          }}
          done={`You signed version ${a.version}.`}
        >
          Sign version {a.version}
        </ActionButton>
      )}
      {a.status === 'signed' && open && (
        <div class="card stack highlight">
          <p>A practice is open on this agreement.</p>
          <ActionButton
            runner={runner}
            class="primary"
            action={async () => {
              const { id } = await startPractice(a.id, device);
              navigate({ name: 'practice', rid, pid: id });
            }}
          >
            Join the open practice
          </ActionButton>
        </div>
      )}
      {a.status === 'signed' && !open && (
        <fieldset class="card stack">
          <legend>Start a practice</legend>
          <p class="muted">
            It begins only when everyone says they're ready, right then. Having signed earlier
            doesn't mean you have to.
          </p>
          <label class="check">
            <input type="radio" name="device" checked={device === 'own'} onChange={() => setDevice('own')} />
            <span>Each of us on our own device</span>
          </label>
          <label class="check">
            <input type="radio" name="device" checked={device === 'shared'} onChange={() => setDevice('shared')} />
            <span>Together on this one device</span>
          </label>
          <ActionButton
            runner={runner}
            class="primary"
            action={async () => {
              const { id } = await startPractice(a.id, device);
              navigate({ name: 'practice', rid, pid: id });
            }}
          >
            Open the practice
          </ActionButton>
        </fieldset>
      )}
      {a.status !== 'void' && (
        <div class="row">
          <button type="button" class="quiet" onClick={onEdit}>
            Change the agreement
          </button>
          {!confirmWithdraw && (
            <button type="button" class="quiet" onClick={() => setConfirmWithdraw(true)}>
              Withdraw
            </button>
          )}
        </div>
      )}
      {a.status !== 'void' && confirmWithdraw && (
        <ConfirmPanel
          label="Confirm withdrawing"
          confirmLabel="Yes, withdraw"
          cancelLabel="Keep it"
          runner={runner}
          action={async () => {
            await withdrawAgreement(a.id);
            setConfirmWithdraw(false);
            onChange();
          }}
          done="You withdrew. This agreement is no longer in force."
          onCancel={() => setConfirmWithdraw(false)}
        >
          Withdraw now? No reason needed. Anyone can draft again later.
        </ConfirmPanel>
      )}
      <Status status={runner.status} />
    </section>
  );
}

function VersionHistory({ versions, names }: { versions: AgreementVersion[]; names: Names }) {
  const sorted = [...versions].sort((x, y) => x.version - y.version);
  const [from, setFrom] = useState(sorted[sorted.length - 2].version);
  const [to, setTo] = useState(sorted[sorted.length - 1].version);
  const a = sorted.find((v) => v.version === from);
  const b = sorted.find((v) => v.version === to);
  const changes = a && b ? diffVersions(a, b, names) : [];
  const picker = (label: string, value: number, set: (n: number) => void) => (
    <SelectField label={label} value={String(value)} onChange={(v) => set(Number(v))}>
      {sorted.map((v) => (
        <option key={v.version} value={String(v.version)}>
          Version {v.version}
        </option>
      ))}
    </SelectField>
  );
  return (
    <section class="card stack" aria-labelledby="versions-heading">
      <h2 id="versions-heading">What changed</h2>
      <div class="row">
        {picker('From', from, setFrom)}
        {picker('To', to, setTo)}
      </div>
      {changes.length === 0 ? (
        <p>No differences.</p>
      ) : (
        <ul class="plain-list diff" aria-live="polite">
          {changes.map((c) => (
            <li key={c.field}>
              <strong>{c.label}: </strong>
              {c.kind === 'value' ? (
                <>
                  <del>{c.before || '(empty)'}</del> → <ins>{c.after || '(empty)'}</ins>
                </>
              ) : (
                <>
                  {c.added.length > 0 && <ins>added {c.added.join(', ')}</ins>}
                  {c.added.length > 0 && c.removed.length > 0 && '; '}
                  {c.removed.length > 0 && <del>removed {c.removed.join(', ')}</del>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
