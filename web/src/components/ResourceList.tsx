import type { ResourceEntry, Resources } from '../api';

/** A phone number becomes a tap-to-call link and a web address a link; anything else is text. */
export function ContactValue({ contact }: { contact: string }) {
  const trimmed = contact.trim();
  if (/^\+?[\d][\d\s\-().]{1,24}$/.test(trimmed)) {
    return <a href={`tel:${trimmed.replace(/[^\d+]/g, '')}`}>{trimmed}</a>;
  }
  if (/^https?:\/\/\S+$/.test(trimmed)) {
    return (
      <a href={trimmed} rel="noreferrer noopener" target="_blank">
        {trimmed}
      </a>
    );
  }
  return <>{trimmed}</>;
}

function Entry({ entry }: { entry: ResourceEntry }) {
  return (
    <li class="card">
      <strong>{entry.name}</strong>
      <div class="contact">
        <ContactValue contact={entry.contact} />
      </div>
      {entry.note && <div class="muted">{entry.note}</div>}
    </li>
  );
}

export function ResourceList({ resources, headingLevel = 2 }: { resources: Resources; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="resources">
      {resources.title && <H>{resources.title}</H>}
      {resources.body && <p class="entry-text">{resources.body}</p>}
      <ul class="plain-list">
        {resources.entries.map((entry) => (
          <Entry key={entry.name} entry={entry} />
        ))}
      </ul>
    </div>
  );
}
