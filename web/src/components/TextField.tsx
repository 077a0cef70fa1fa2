import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

export interface TextInputProps {
  type?: 'text' | 'email' | 'password';
  name?: string;
  autoComplete?: string;
  autoCapitalize?: 'off' | 'none';
  spellcheck?: boolean;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** The id of a datalist of suggestions (given as children). */
  list?: string;
}

/**
 * A labelled text input. The label wraps the input so a tap on its words focuses it; a
 * hint below is tied to the input for screen readers.
 */
export function TextField({
  label,
  value,
  onValue,
  hint,
  children,
  type = 'text',
  ...input
}: TextInputProps & {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const id = useId();
  // Preact types each input type with its own allowed attributes; these props are a
  // subset that every text-like type accepts.
  const attributes = { type, ...input } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <label class="field">
      <span>{label}</span>
      <input
        {...attributes}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {children}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </label>
  );
}
