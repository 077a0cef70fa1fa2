import { listMeasureResults, shareMeasureResult, type MeasureResult } from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { VisibilityPicker, sharingChanged } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';

/** My questionnaire results, each with who it is shared with, and those shared with me. */
export function MeasureResultsScreen({ rid }: { rid: string }) {
  const list = useLoad(() => listMeasureResults(rid), [rid]);
  const mine = list.data?.filter((r) => r.mine) ?? [];
  const shared = list.data?.filter((r) => !r.mine) ?? [];
  return (
    <RelationshipFrame rid={rid} title="Questionnaire results">
      {list.error && <p role="alert">{list.error}</p>}
      <section class="stack" aria-labelledby="my-results">
        <h2 id="my-results">Your results</h2>
        {list.data && mine.length === 0 && <p class="muted">Nothing yet.</p>}
        <ul class="plain-list stack">
          {mine.map((r) => (
            <MyResult key={r.id} result={r} onChange={list.reload} />
          ))}
        </ul>
      </section>
      {shared.length > 0 && (
        <section class="stack" aria-labelledby="shared-results">
          <h2 id="shared-results">Shared with you</h2>
          <ul class="plain-list stack">
            {shared.map((r) => (
              <li key={r.id} class="card stack shared-result">
                <ResultLine result={r} />
                <p class="muted small">Shared by {r.author_name}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </RelationshipFrame>
  );
}

function ResultLine({ result }: { result: MeasureResult }) {
  return (
    <>
      <p>
        {result.short_name}: {result.total} (from {result.min_total} to {result.max_total})
      </p>
      <p class="muted small">{new Date(result.created_at).toLocaleString()}</p>
    </>
  );
}

function MyResult({ result, onChange }: { result: MeasureResult; onChange: () => void }) {
  const { status, busy, run } = useAction();
  return (
    <li class="card stack my-result">
      <ResultLine result={result} />
      {result.band && <p class="muted small">{result.band}</p>}
      <VisibilityPicker
        value={result.visibility ?? 'private'}
        disabled={busy}
        label="Shared with"
        onChange={(v) =>
          run(async () => {
            await shareMeasureResult(result.id, v);
            onChange();
          }, sharingChanged(v))
        }
      />
      <Status status={status} />
    </li>
  );
}
