import type { Resources } from '../api';

export function ResourceList({ resources, headingLevel = 2 }: { resources: Resources; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="resources">
      {resources.title && <H>{resources.title}</H>}
      {resources.body && <p>{resources.body}</p>}
      <ul class="plain-list">
        {(resources.entries ?? []).map((entry) => (
          <li key={entry.name} class="card">
            <strong>{entry.name}</strong>
            <div class="contact">{entry.contact}</div>
            {entry.note && <div class="muted">{entry.note}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
