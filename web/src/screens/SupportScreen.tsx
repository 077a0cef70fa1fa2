import { getResources, type Resources } from '../api';
import { Heading } from '../components/Heading';
import { ResourceList } from '../components/ResourceList';
import { useLoad } from '../hooks';

/** Crisis and safety resources, as configured by whoever runs this server. */
export function SupportScreen() {
  const { data, error, loading } = useLoad<Resources>(getResources, []);
  return (
    <section class="screen">
      <Heading>Support &amp; safety</Heading>
      {loading && <p role="status">Loading…</p>}
      {error && <p role="alert">{error}</p>}
      {data && <ResourceList resources={data} />}
      <p class="muted">
        attune supports, and never replaces, professional care. If you are in danger right now,
        please contact local emergency services.
      </p>
    </section>
  );
}
