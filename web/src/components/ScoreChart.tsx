import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Checkin } from '../api';
import { scoreLabels, scoreNames } from './CheckinForm';

const colours = ['#4e79a7', '#59a14f', '#b07aa1', '#f28e2b', '#e15759'];

/**
 * My own check-ins over time (oldest on the left), one line per score. The numbers are
 * also in the list below it, so nothing is only in the picture.
 */
export function ScoreChart({ checkins }: { checkins: Checkin[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || checkins.length < 2) return;
    const series = [...checkins].reverse();
    const data: uPlot.AlignedData = [
      series.map((c) => Date.parse(c.created_at) / 1000),
      ...scoreNames.map((name) => series.map((c) => c[name])),
    ];
    let plot: uPlot | undefined;
    let gone = false;
    // Loaded only where a chart is shown, so other screens stay light.
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone || !box.current) return;
      plot = new UPlot(
        {
          width: Math.min(box.current.clientWidth || 320, 640),
          height: 220,
          scales: { y: { range: [0, 10] } },
          series: [
            {},
            ...scoreNames.map((name, i) => ({ label: scoreLabels[name], stroke: colours[i], width: 2 })),
          ],
        },
        data,
        box.current,
      );
    });
    return () => {
      gone = true;
      plot?.destroy();
    };
  }, [checkins]);
  if (checkins.length < 2) {
    return <p class="muted">Your chart appears after your second check-in.</p>;
  }
  return <div ref={box} class="score-chart" role="img" aria-label="A chart of your own check-in scores over time" />;
}
