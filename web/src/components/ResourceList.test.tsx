import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ContactValue } from './ResourceList';

function html(contact: string) {
  const root = document.createElement('div');
  render(<ContactValue contact={contact} />, root);
  return root.innerHTML;
}

describe('ContactValue', () => {
  it('makes phone numbers tap-to-call', () => {
    expect(html('0800 111 222')).toBe('<a href="tel:0800111222">0800 111 222</a>');
    expect(html('+49 (30) 123-45')).toContain('href="tel:+493012345"');
  });
  it('links web addresses without a referrer', () => {
    expect(html('https://example.org/help')).toContain('rel="noreferrer noopener"');
  });
  it('leaves other text alone', () => {
    expect(html('Text HOME to 741741')).toBe('Text HOME to 741741');
  });
});
