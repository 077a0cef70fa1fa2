import { quickExit } from '../quickExit';

/** Always visible; leaves the app at once. Escape pressed twice does the same. */
export function QuickExitButton() {
  return (
    <button
      type="button"
      class="quick-exit"
      onClick={() => quickExit()}
      aria-describedby="quick-exit-hint"
    >
      Quick exit
      <span id="quick-exit-hint" class="quick-exit-hint">
        or Esc twice
      </span>
    </button>
  );
}
