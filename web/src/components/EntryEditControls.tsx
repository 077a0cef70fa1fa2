import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ActionRunner } from '../hooks';
import { ConfirmPanel } from './ConfirmPanel';

/**
 * The controls under one's own entry (intake, care plan, worksheet): Edit, which becomes
 * "Save changes" while editing, and Delete, which asks first with keeping it the prominent
 * choice, because a deleted entry cannot be brought back.
 */
export function EntryEditControls({
  runner,
  editing,
  onEdit,
  canSave = true,
  save,
  saved,
  remove,
  removed,
  children,
}: {
  runner: Pick<ActionRunner, 'busy' | 'run'>;
  editing: boolean;
  onEdit: () => void;
  canSave?: boolean;
  save: () => Promise<unknown>;
  saved: string;
  remove: () => Promise<unknown>;
  removed: string;
  /** What deleting does, said plainly in the confirmation. */
  children: ComponentChildren;
}) {
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = runner;
  return (
    <>
      <div class="row">
        {editing ? (
          <button type="button" disabled={busy || !canSave} onClick={() => run(save, saved)}>
            Save changes
          </button>
        ) : (
          <button type="button" class="quiet" onClick={onEdit}>
            Edit
          </button>
        )}
        {!confirming && (
          <button type="button" class="quiet" disabled={busy} onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmPanel
          label="Confirm deleting this entry"
          confirmLabel="Yes, delete it"
          cancelLabel="Keep it"
          safe="cancel"
          runner={runner}
          action={async () => {
            await remove();
            setConfirming(false);
          }}
          done={removed}
          onCancel={() => setConfirming(false)}
        >
          {children}
        </ConfirmPanel>
      )}
    </>
  );
}
