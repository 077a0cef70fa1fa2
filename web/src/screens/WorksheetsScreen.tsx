import { useState } from 'preact/hooks';
import {
  addWorksheet,
  deleteWorksheet,
  listWorksheetPrompts,
  listWorksheets,
  updateWorksheet,
  worksheetHistory,
  type Visibility,
  type Worksheet,
  type WorksheetPrompt,
  type WorksheetText,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { VisibilityPicker, sharingChanged, visibilityLabels } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';
import { EntryEditControls } from '../components/EntryEditControls';
import { changedSteps, hasWords, promptsFor, worksheetPurpose, worksheetSteps } from '../worksheets';

const maxStep = 4000;
const blank: WorksheetText = { old_script: '', notice_now: '', new_narrative: '' };

/** Old script → what I notice now → a new narrative; private until shared. */
export function WorksheetsScreen({ rid }: { rid: string }) {
  const sheets = useLoad(() => listWorksheets(rid), [rid]);
  const prompts = useLoad(listWorksheetPrompts, []);
  return (
    <RelationshipFrame rid={rid} title="Reframing">
      <p class="muted">{worksheetPurpose}</p>
      <p class="muted small">
        Private until you share it. If you change it later, the earlier versions stay visible to you
        alone.
      </p>
      {sheets.error && <p role="alert">{sheets.error}</p>}
      <NewWorksheet rid={rid} prompts={prompts.data ?? []} onAdded={sheets.reload} />
      <ul class="plain-list">
        {sheets.data?.map((s) =>
          s.mine ? (
            <MyWorksheet key={s.id} sheet={s} onChange={sheets.reload} />
          ) : (
            <li key={s.id} class="card stack worksheet shared">
              <WorksheetSteps text={s} />
              <p class="muted small">Shared by {s.author_name}</p>
            </li>
          ),
        )}
      </ul>
    </RelationshipFrame>
  );
}

function WorksheetSteps({ text }: { text: WorksheetText }) {
  return (
    <dl class="worksheet-steps">
      {worksheetSteps.map(({ step, label }) => (
        <div key={step}>
          <dt>{label}</dt>
          <dd class="entry-text">{text[step] || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function StepFields({
  text,
  prompts,
  onChange,
}: {
  text: WorksheetText;
  prompts: WorksheetPrompt[];
  onChange: (next: WorksheetText) => void;
}) {
  return (
    <>
      {worksheetSteps.map(({ step, label }) => {
        const offered = promptsFor(step, prompts);
        return (
          <div key={step} class="stack">
            <label class="field">
              <span>{label}</span>
              <textarea
                name={step}
                maxLength={maxStep}
                value={text[step]}
                onInput={(e) => onChange({ ...text, [step]: e.currentTarget.value })}
              />
            </label>
            {offered.length > 0 && (
              <details class="small">
                <summary>A prompt, if it helps</summary>
                <ul class="plain-list muted">
                  {offered.map((p) => (
                    <li key={p.id}>{p.text}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      })}
    </>
  );
}

function NewWorksheet({
  rid,
  prompts,
  onAdded,
}: {
  rid: string;
  prompts: WorksheetPrompt[];
  onAdded: () => void;
}) {
  const [text, setText] = useState<WorksheetText>(blank);
  const [visibility, setVisibility] = useState<Visibility>('private');
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack"
      aria-label="A new worksheet"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          async () => {
            await addWorksheet(rid, { ...trimmed(text), visibility });
            setText(blank);
            setVisibility('private');
            onAdded();
          },
          visibility === 'private'
            ? 'Saved, just for you.'
            : `Saved and shared with: ${visibilityLabels[visibility].toLowerCase()}.`,
        );
      }}
    >
      <StepFields text={text} prompts={prompts} onChange={setText} />
      <VisibilityPicker value={visibility} onChange={setVisibility} />
      <button type="submit" disabled={busy || !hasWords(text)}>
        Save
      </button>
      <Status status={status} />
    </form>
  );
}

/** Every step, trimmed, so a new worksheet always sends all three. */
function trimmed(text: WorksheetText): WorksheetText {
  return {
    old_script: text.old_script.trim(),
    notice_now: text.notice_now.trim(),
    new_narrative: text.new_narrative.trim(),
  };
}

function MyWorksheet({ sheet, onChange }: { sheet: Worksheet; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState<WorksheetText>(sheet);
  const { status, busy, run } = useAction();
  return (
    <li class="card stack worksheet" data-testid="my-worksheet">
      {editing ? (
        <StepFields text={text} prompts={[]} onChange={setText} />
      ) : (
        <WorksheetSteps text={sheet} />
      )}
      <VisibilityPicker
        value={sheet.visibility ?? 'private'}
        disabled={busy}
        label="Shared with"
        onChange={(v) =>
          run(
            async () => {
              await updateWorksheet(sheet.id, { visibility: v });
              onChange();
            },
            sharingChanged(v),
          )
        }
      />
      <EntryEditControls
        runner={{ busy, run }}
        editing={editing}
        onEdit={() => setEditing(true)}
        canSave={hasWords(text)}
        save={async () => {
          await updateWorksheet(sheet.id, changedSteps(sheet, text));
          setEditing(false);
          onChange();
        }}
        saved="Saved. The earlier version is kept for you."
        remove={async () => {
          await deleteWorksheet(sheet.id);
          onChange();
        }}
        removed="Deleted, with its earlier versions."
      >
        Delete this worksheet and its earlier versions for good? It can't be brought back, and
        anyone you shared it with no longer sees it.
      </EntryEditControls>
      <EarlierVersions id={sheet.id} updatedAt={sheet.updated_at} />
      <Status status={status} />
    </li>
  );
}

/** The author's own earlier versions, fetched when opened. */
function EarlierVersions({ id, updatedAt }: { id: string; updatedAt: string }) {
  const [open, setOpen] = useState(false);
  const versions = useLoad(() => (open ? worksheetHistory(id) : Promise.resolve([])), [id, open, updatedAt]);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Earlier versions (only you see these)</summary>
      {versions.data && versions.data.length === 0 && <p class="muted small">No earlier versions yet.</p>}
      <ol class="plain-list">
        {versions.data?.map((v) => (
          <li key={v.replaced_at} class="stack">
            <p class="muted small">Until {new Date(v.replaced_at).toLocaleString()}</p>
            <WorksheetSteps text={v} />
          </li>
        ))}
      </ol>
    </details>
  );
}
