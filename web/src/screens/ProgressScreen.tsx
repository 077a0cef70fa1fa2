import { useMemo } from 'preact/hooks';
import { getProgress, type Progress, type ProgressScore } from '../api';
import { scoreLabels, scoreNames } from '../components/CheckinForm';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SeriesChart } from '../components/SeriesChart';
import { useLoad } from '../hooks';

/**
 * My own series over time and my milestones, then what others shared with me, each person
 * on their own: nothing here compares partners, counts missed days or keeps a streak.
 */
export function ProgressScreen({ rid }: { rid: string }) {
  const progress = useLoad(() => getProgress(rid), [rid]);
  const data = progress.data;
  return (
    <RelationshipFrame rid={rid} title="Your progress">
      {progress.error && <p role="alert">{progress.error}</p>}
      {data && <Milestones progress={data} />}
      {data && <MyCheckins progress={data} />}
      {data && <MyScores scores={data.scores.filter((s) => s.mine)} />}
      {data && <MyPractices progress={data} />}
      {data && <SharedScores scores={data.scores.filter((s) => !s.mine)} />}
    </RelationshipFrame>
  );
}

function Milestones({ progress }: { progress: Progress }) {
  return (
    <section class="card stack" aria-labelledby="milestones">
      <h2 id="milestones">Small wins</h2>
      {progress.milestones.length === 0 ? (
        <p class="muted">Your small wins will gather here, at your own pace.</p>
      ) : (
        <ul class="plain-list milestones">
          {progress.milestones.map((m) => (
            <li key={m.id}>
              {m.text} <span class="muted small">{new Date(m.at).toLocaleDateString()}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyCheckins({ progress }: { progress: Progress }) {
  const mine = useMemo(() => progress.checkins.filter((c) => c.mine), [progress]);
  const series = useMemo(
    () => scoreNames.map((name) => ({ label: scoreLabels[name], values: mine.map((c) => c[name]) })),
    [mine],
  );
  return (
    <section class="stack" aria-labelledby="my-checkins">
      <h2 id="my-checkins">Your check-ins</h2>
      <SeriesChart
        label="Your check-in scores over time"
        times={mine.map((c) => c.at)}
        series={series}
        range={[0, 10]}
      />
    </section>
  );
}

function MyScores({ scores }: { scores: ProgressScore[] }) {
  const byMeasure = useMemo(() => {
    const groups = new Map<string, ProgressScore[]>();
    for (const s of scores) groups.set(s.short_name, [...(groups.get(s.short_name) ?? []), s]);
    return [...groups.entries()];
  }, [scores]);
  return (
    <section class="stack" aria-labelledby="my-scores">
      <h2 id="my-scores">Your questionnaire scores</h2>
      {byMeasure.length === 0 && <p class="muted">None yet.</p>}
      {byMeasure.map(([name, list]) => (
        <div key={name} class="stack">
          <h3>{name}</h3>
          <SeriesChart
            label={`Your ${name} scores over time`}
            times={list.map((s) => s.at)}
            series={[{ label: name, values: list.map((s) => s.total) }]}
            range={[list[0].min_total, list[0].max_total]}
          />
          <ul class="plain-list my-scores">
            {list.map((s) => (
              <li key={s.at}>
                {name} {s.total} (from {s.min_total} to {s.max_total}) ·{' '}
                <span class="muted small">{new Date(s.at).toLocaleDateString()}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function MyPractices({ progress }: { progress: Progress }) {
  const practices = progress.practices;
  return (
    <section class="stack" aria-labelledby="my-practices">
      <h2 id="my-practices">Your practices by stage</h2>
      <SeriesChart
        label="The stage of each of your practices over time"
        times={practices.map((p) => p.ended_at)}
        series={[{ label: 'Stage', values: practices.map((p) => p.stage) }]}
        range={[0, 5]}
        points
      />
      <ul class="plain-list">
        {practices.map((p) => (
          <li key={p.ended_at}>
            Stage {p.stage} · <span class="muted small">{new Date(p.ended_at).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SharedScores({ scores }: { scores: ProgressScore[] }) {
  if (scores.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="shared-scores">
      <h2 id="shared-scores">Shared with you</h2>
      <ul class="plain-list shared-scores">
        {scores.map((s) => (
          <li key={`${s.author_name}-${s.at}`}>
            {s.author_name}: {s.short_name} {s.total} (from {s.min_total} to {s.max_total}) ·{' '}
            <span class="muted small">{new Date(s.at).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
