import type { ComponentChildren } from 'preact';
import { Heading } from './Heading';
import { Link } from './Link';
import { PressuredControl } from './PressuredControl';

/**
 * The frame of every screen inside a relationship: a way back, the heading, and the
 * private "I feel pressured" control right under it, easy to find.
 */
export function RelationshipFrame({
  rid,
  title,
  back = 'relationship',
  children,
}: {
  rid: string;
  title: string;
  back?: 'relationship' | 'home' | 'agreements' | 'history';
  children: ComponentChildren;
}) {
  return (
    <section class="screen">
      <nav aria-label="Back">
        {back === 'home' ? (
          <Link to={{ name: 'home' }}>← Your relationships</Link>
        ) : back === 'agreements' ? (
          <Link to={{ name: 'agreements', rid }}>← Agreements</Link>
        ) : back === 'history' ? (
          <Link to={{ name: 'history', rid }}>← Past practices</Link>
        ) : (
          <Link to={{ name: 'relationship', rid }}>← Back to this relationship</Link>
        )}
      </nav>
      <Heading>{title}</Heading>
      <PressuredControl rid={rid} />
      {children}
    </section>
  );
}
