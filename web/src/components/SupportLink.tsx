import { navigate, toPath } from '../router';

/** Reaches the crisis and safety resources from every screen. */
export function SupportLink() {
  return (
    <a
      class="support-link"
      href={toPath({ name: 'support' })}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'support' });
      }}
    >
      Support &amp; safety
    </a>
  );
}
