import type { CareNote } from '../../api';
import { careByline, careKindTitle, carePlanPurpose } from '../../care';

/**
 * Care-plan entries shared with everyone present, as a pause or a draft shows them. An entry
 * names its author only when they chose to; with none shared, one sentence says what a care
 * plan is for.
 */
export function CareNotes({ notes }: { notes: CareNote[] }) {
  if (!notes.length) return <p class="muted">{carePlanPurpose}</p>;
  return (
    <ul class="plain-list care-notes" data-testid="care-notes">
      {notes.map((note, i) => (
        <li key={i} class="care-note">
          <span class="small muted">{careKindTitle(note.kind)}</span>
          <p class="entry-text">{note.text}</p>
          <span class="small muted">{careByline(note)}</span>
        </li>
      ))}
    </ul>
  );
}
