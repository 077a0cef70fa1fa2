import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

const colours = ['#4e79a7', '#59a14f', '#b07aa1', '#f28e2b', '#e15759', '#76b7b2'];

export interface Series {
  label: string;
  values: (number | null)[];
}

/**
 * A small line chart over time (oldest on the left) drawn with uPlot. The same numbers are
 * always listed beside it, so nothing is only in the picture.
 */
export function SeriesChart({
  label,
  times,
  series,
  range,
  points = false,
}: {
  /** What the chart shows, for screen readers. */
  label: string;
  /** RFC 3339 times, oldest first. */
  times: string[];
  series: Series[];
  range: [number, number];
  /** Dots only, no lines (for events such as practices). */
  points?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || times.length < 2) return;
    const data: uPlot.AlignedData = [times.map((t) => Date.parse(t) / 1000), ...series.map((s) => s.values)];
    let plot: uPlot | undefined;
    let gone = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone || !box.current) return;
      plot = new UPlot(
        {
          width: Math.min(box.current.clientWidth || 320, 640),
          height: 200,
          scales: { y: { range } },
          series: [
            {},
            ...series.map((s, i) => ({
              label: s.label,
              stroke: colours[i % colours.length],
              width: points ? 0 : 2,
              spanGaps: true,
              points: { show: true, size: points ? 8 : 5 },
            })),
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
  }, [times, series, range, points]);
  if (times.length < 2) return <p class="muted small">A chart appears once there are two or more.</p>;
  return <div ref={box} class="score-chart" role="img" aria-label={label} />;
}
