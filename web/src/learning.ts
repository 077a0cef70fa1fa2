// Small rules of the learning screen: whose turn a conversation card is.
import type { Person } from './api';

/**
 * Whose turn card number `index` is: the partners take turns in a fixed order (by id, so every
 * device agrees), starting with me. Skipping a card passes the turn on like answering it, so
 * nothing about a skip is kept or shown.
 */
export function turnOf(index: number, partners: Person[], meId: string | null): Person | null {
  if (!partners.length) return null;
  const sorted = [...partners].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = Math.max(0, sorted.findIndex((p) => p.id === meId));
  return sorted[(start + index) % sorted.length] ?? null;
}

export const themeLabels: Record<string, string> = {
  desires: 'Desires',
  fantasies: 'Daydreams and wishes',
  boundaries: 'Boundaries',
  consent_rituals: 'Consent rituals',
};
