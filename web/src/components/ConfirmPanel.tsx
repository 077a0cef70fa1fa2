import type { ComponentChildren } from 'preact';
import type { ActionRunner } from '../hooks';
import { ActionButton } from './ActionButton';

/**
 * Asks once, in place, before a step that cannot be taken back (leaving, withdrawing,
 * ending). It never asks for a reason; saying no just closes it.
 */
export function ConfirmPanel({
  label,
  children,
  confirmLabel,
  cancelLabel,
  runner,
  action,
  done,
  onCancel,
  safe = 'confirm',
}: {
  /** Names the group for screen readers, e.g. "Confirm leaving". */
  label: string;
  /** The question, with what will happen. */
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  runner: Pick<ActionRunner, 'busy' | 'run'>;
  action: () => Promise<unknown>;
  done?: string;
  onCancel: () => void;
  /** Which choice is the prominent one: 'cancel' when confirming loses something (leaving). */
  safe?: 'confirm' | 'cancel';
}) {
  return (
    <div class="card stack" role="group" aria-label={label}>
      <p>{children}</p>
      <div class="row">
        <ActionButton runner={runner} action={action} done={done} class={safe === 'confirm' ? 'primary' : undefined}>
          {confirmLabel}
        </ActionButton>
        <button type="button" class={safe === 'cancel' ? 'primary' : undefined} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
