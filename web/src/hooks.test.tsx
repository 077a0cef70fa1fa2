import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useLoad } from './hooks';
import { receiveNudge } from './nudges';

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('useLoad after a nudge', () => {
  it('fetches again quietly and replaces the data only when it changed', async () => {
    let answer = { text: 'first' };
    const load = vi.fn(async () => answer);
    const seen: { text: string }[] = [];
    const states: boolean[] = [];
    function Probe() {
      const { data, loading } = useLoad(load, []);
      states.push(loading);
      if (data && seen.at(-1) !== data) seen.push(data);
      return <p>{data?.text}</p>;
    }
    const root = document.createElement('div');
    document.body.appendChild(root);
    render(<Probe />, root);
    await settle();
    expect(root.textContent).toBe('first');
    const loadingBefore = states.filter(Boolean).length;

    // The same answer again: the data keeps its identity (a form seeded from it keeps its input).
    receiveNudge({ topic: 'intake', rid: 'r1' }, { name: 'home' }, 10);
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(seen).toHaveLength(1);

    // A changed answer replaces it, without ever showing a loading state.
    answer = { text: 'second' };
    receiveNudge({ topic: 'intake', rid: 'r1' }, { name: 'home' }, 10);
    await settle();
    expect(root.textContent).toBe('second');
    expect(seen).toHaveLength(2);
    expect(states.filter(Boolean).length).toBe(loadingBefore);
    render(null, root);
    root.remove();
  });
});
