import { describe, expect, it } from 'vitest';
import { localToRfc3339 } from './planTime';

describe('localToRfc3339', () => {
  it('keeps the wall-clock time and adds this device’s offset for that moment', () => {
    const text = localToRfc3339('2026-12-05T19:30');
    expect(text).toMatch(/^2026-12-05T19:30:00[+-]\d{2}:\d{2}$/);
    // The same instant as the browser's own reading of the local time.
    expect(new Date(text as string).getTime()).toBe(new Date('2026-12-05T19:30').getTime());
  });

  it('refuses what is not a date and time', () => {
    expect(localToRfc3339('')).toBeNull();
    expect(localToRfc3339('tomorrow')).toBeNull();
    expect(localToRfc3339('2026-12-05')).toBeNull();
  });
});
