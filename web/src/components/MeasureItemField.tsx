import type { MeasureItem } from '../api';

/**
 * One questionnaire item as a group of choices, the points in the order the source
 * presents them. With the wording not installed, the placeholder says so plainly.
 */
export function MeasureItemField({
  item,
  value,
  onChange,
  disabled,
}: {
  item: MeasureItem;
  value: number | undefined;
  onChange: (value: number) => void;
  disabled?: boolean;
}) {
  const first = item.points[0];
  const last = item.points[item.points.length - 1];
  return (
    <fieldset class="card stack measure-item" disabled={disabled}>
      <legend class={item.placeholder ? 'muted' : undefined}>{item.text}</legend>
      <div class="measure-points" role="presentation">
        {item.points.map((point) => (
          <label key={point} class="measure-point">
            <input
              type="radio"
              name={`item-${item.id}`}
              value={point}
              checked={value === point}
              onChange={() => onChange(point)}
            />
            <span>
              {point}
              {point === first && item.low_label ? ` — ${item.low_label}` : ''}
              {point === last && item.high_label ? ` — ${item.high_label}` : ''}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
