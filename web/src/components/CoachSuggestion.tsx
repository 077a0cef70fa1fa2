import { useEffect, useRef, useState } from 'preact/hooks';
import { reviewLanguage, type CoachReview } from '../api';
import { ResourceList } from './ResourceList';

/** How long typing must rest before the coach is asked (ms). */
export const COACH_DELAY_MS = 600;

interface Reviewed {
  text: string;
  review: CoachReview;
}

/** The flagged part of `text`: offsets count code points, as the server does. */
export function flaggedPart(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * The language coach beside a text a person is writing: after a pause in typing it asks the
 * server, then shows gently what might land hard and one gentler way to say it. It never
 * blocks anything — it has no say over the form it sits in — and it can be dismissed. When
 * the text describes harm, it shows the support resources and no rewording at all.
 */
export function CoachSuggestion({
  text,
  delayMs = COACH_DELAY_MS,
  review = reviewLanguage,
}: {
  text: string;
  delayMs?: number;
  /** For tests; the real call by default. */
  review?: (text: string) => Promise<CoachReview>;
}) {
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    if (!text.trim()) {
      setReviewed(null);
      return;
    }
    const timer = setTimeout(() => {
      review(text).then(
        (answer) => {
          if (asked === latest.current) setReviewed({ text, review: answer });
        },
        // The coach is a nicety: when it cannot answer, it stays quiet.
        () => {},
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, review]);

  if (!reviewed) return null;
  const { flags, suggestion, resources } = reviewed.review;
  const key = resources ? 'resources' : (suggestion ?? '');
  if (dismissed === key) return null;
  const dismiss = (
    <button type="button" class="small" onClick={() => setDismissed(key)}>
      Hide this
    </button>
  );

  if (resources) {
    return (
      <aside class="card stack coach" aria-live="polite" aria-label="Support">
        <p>
          It sounds like something painful may have happened. You deserve support, and you can
          stop or pause anything at any time.
        </p>
        <ResourceList resources={resources} headingLevel={3} />
        <div class="row">{dismiss}</div>
      </aside>
    );
  }
  if (!flags.length) return null;
  return (
    <aside class="card stack coach" aria-live="polite" aria-label="Language coach">
      <ul class="plain-list">
        {flags.map((flag) => (
          <li key={`${flag.start}-${flag.end}`}>
            <mark>{flaggedPart(reviewed.text, flag.start, flag.end)}</mark>{' '}
            <span class="muted">{flag.message}</span>
          </li>
        ))}
      </ul>
      {suggestion && (
        <>
          <p>A gentler way to say this might be…</p>
          <blockquote>{suggestion}</blockquote>
        </>
      )}
      <p class="muted small">This is only a suggestion. Your words are yours to send.</p>
      <div class="row">{dismiss}</div>
    </aside>
  );
}
