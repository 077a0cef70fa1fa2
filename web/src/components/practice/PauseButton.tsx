/**
 * The one large pause control. It sits in the same place on every practice screen and
 * works with one tap, the keyboard, or a screen reader, at any moment, for anyone.
 */
export function PauseButton({
  paused,
  onPause,
}: {
  paused: boolean;
  onPause: () => void;
}) {
  return (
    <div class="pause-dock">
      <button
        type="button"
        class={`pause-button ${paused ? 'is-paused' : ''}`}
        aria-pressed={paused}
        aria-keyshortcuts="p"
        onClick={onPause}
      >
        {paused ? 'Paused' : 'Pause'}
        <span class="pause-hint">{paused ? 'Everything has stopped' : 'Stops everything at once · key P'}</span>
      </button>
    </div>
  );
}
