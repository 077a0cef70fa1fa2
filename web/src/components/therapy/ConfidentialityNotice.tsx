import { useId } from 'preact/hooks';
import type { TherapistLink } from '../../api';

/**
 * The limits of confidentiality, in the operator's words for their region, with the
 * "I understand" a person ticks before they first share anything with a therapist.
 */
export function ConfidentialityNotice({
  text,
  understood,
  onUnderstood,
}: {
  text: TherapistLink['confidentiality'];
  understood: boolean;
  onUnderstood: (value: boolean) => void;
}) {
  const id = useId();
  return (
    <section class="card stack confidentiality" aria-labelledby={id}>
      <h2 id={id}>{text.title}</h2>
      {text.body.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <label class="check">
        <input
          type="checkbox"
          name="understood"
          checked={understood}
          onChange={(e) => onUnderstood(e.currentTarget.checked)}
        />
        I understand
      </label>
    </section>
  );
}
