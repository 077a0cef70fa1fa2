import type { RoleOrderProposal } from '../api';

/**
 * Says, gently, that who starts takes turns: last time's first giver and this time's
 * proposed one. Nothing is said when there was no earlier agreement for these people.
 */
export function RoleOrderNote({
  proposal,
  me,
  nameOf,
}: {
  proposal: RoleOrderProposal;
  me: string | null;
  nameOf: (id: string) => string;
}) {
  const last = proposal.last_role_order?.[0];
  const next = proposal.role_order[0];
  if (!last || !next || last === next) return null;
  const started = last === me ? 'you' : nameOf(last);
  const proposed = next === me ? 'you are' : `${nameOf(next)} is`;
  return (
    <p class="muted role-order-note" role="status">
      Last time {started} started; this time {proposed} proposed to start — you can change it.
    </p>
  );
}
