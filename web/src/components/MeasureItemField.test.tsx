import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { MeasureItem } from '../api';
import { MeasureItemField } from './MeasureItemField';

function mount(item: MeasureItem, value?: number, onChange: (v: number) => void = () => {}) {
  const root = document.createElement('div');
  render(<MeasureItemField item={item} value={value} onChange={onChange} />, root);
  return root;
}

const placeholder: MeasureItem = {
  id: 'q1',
  points: [0, 1, 2, 3, 4, 5, 6],
  text: 'Item 1 of 4 — item text not installed by your operator',
  low_label: '',
  high_label: '',
  placeholder: true,
};

describe('MeasureItemField', () => {
  it('offers every point in the presented order, under the placeholder legend', () => {
    const root = mount(placeholder);
    expect(root.querySelector('legend')?.textContent).toBe(placeholder.text);
    const values = [...root.querySelectorAll('input[type=radio]')].map((r) => (r as HTMLInputElement).value);
    expect(values).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('labels the two ends when the wording is installed, and reports a choice', () => {
    let chosen: number | undefined;
    const root = mount(
      { ...placeholder, text: 'Wording', low_label: 'Low end', high_label: 'High end', placeholder: false },
      3,
      (v) => (chosen = v),
    );
    const labels = [...root.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels[0]).toBe('0 — Low end');
    expect(labels[6]).toBe('6 — High end');
    expect((root.querySelectorAll('input')[3] as HTMLInputElement).checked).toBe(true);
    const five = root.querySelectorAll('input')[5] as HTMLInputElement;
    five.checked = true;
    five.dispatchEvent(new Event('change', { bubbles: true }));
    expect(chosen).toBe(5);
  });
});
