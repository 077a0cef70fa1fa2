import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmPanel } from './ConfirmPanel';

function show(busy: boolean) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const runner = { busy, run: vi.fn(async () => true) };
  const action = vi.fn(async () => {});
  const onCancel = vi.fn();
  render(
    <ConfirmPanel
      label="Confirm leaving"
      confirmLabel="Yes, leave"
      cancelLabel="Stay"
      runner={runner}
      action={action}
      done="You left."
      onCancel={onCancel}
    >
      Leave now?
    </ConfirmPanel>,
    root,
  );
  const button = (text: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  return { root, runner, action, onCancel, button };
}

describe('ConfirmPanel', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is a named group that runs the step through the screen runner only when confirmed', () => {
    const { root, runner, action, onCancel, button } = show(false);
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Confirm leaving');
    expect(root.textContent).toContain('Leave now?');
    button('Stay').click();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(runner.run).not.toHaveBeenCalled();
    button('Yes, leave').click();
    expect(runner.run).toHaveBeenCalledWith(action, 'You left.');
  });

  it('cannot be confirmed twice while the step runs, but can still be closed', () => {
    const { button } = show(true);
    expect(button('Yes, leave').disabled).toBe(true);
    expect(button('Stay').disabled).toBe(false);
  });
});
