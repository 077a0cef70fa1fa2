import type { Visibility } from '../api';
import { SelectField } from './SelectField';

export const visibilityLabels: Record<Visibility, string> = {
  private: 'Only me',
  partners: 'My partners',
  therapist: 'Our therapist',
  partners_and_therapist: 'My partners and our therapist',
};

/** What a person is told after changing who can read one of their entries. */
export function sharingChanged(visibility: Visibility): string {
  return visibility === 'private'
    ? 'Now private again.'
    : `Now shared with: ${visibilityLabels[visibility].toLowerCase()}.`;
}

const order: Visibility[] = ['private', 'partners', 'therapist', 'partners_and_therapist'];

/** Who can read an entry. Each choice means exactly those people, nobody else. */
export function VisibilityPicker({
  value,
  onChange,
  label = 'Who can see this',
  disabled,
}: {
  value: Visibility;
  onChange: (v: Visibility) => void;
  label?: string;
  disabled?: boolean;
}) {
  const withTherapist = value === 'therapist' || value === 'partners_and_therapist';
  return (
    <div class="stack">
      <SelectField label={label} value={value} disabled={disabled} onChange={(v) => onChange(v as Visibility)}>
        {order.map((v) => (
          <option key={v} value={v}>
            {visibilityLabels[v]}
          </option>
        ))}
      </SelectField>
      {withTherapist && (
        <p class="muted small">
          A therapist keeps what you share confidential, within the limits set by law and their
          professional duties — for example, when someone may be in danger. A therapist only sees
          it while everyone in the relationship has agreed to the link.
        </p>
      )}
    </div>
  );
}
