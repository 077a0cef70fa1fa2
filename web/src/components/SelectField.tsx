import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A labelled select. The label points at the select by id (rather than wrapping it) so a
 * screen reader announces just the label, not the label plus the current choice.
 */
export function SelectField({
  label,
  value,
  onChange,
  hint,
  disabled,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ComponentChildren;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {children}
      </select>
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}
