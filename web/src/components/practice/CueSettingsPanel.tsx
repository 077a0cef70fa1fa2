import type { CueSettings } from '../../cues';

const choices: [keyof CueSettings, string][] = [
  ['sound', 'A soft tone'],
  ['vibrate', 'A short vibration'],
  ['speak', 'Read each step aloud'],
];

/** Opt-in cues for this device, so a pause or a new step reaches you with your eyes closed. */
export function CueSettingsPanel({
  settings,
  onChange,
}: {
  settings: CueSettings;
  onChange: (next: CueSettings) => void;
}) {
  return (
    <details class="card cue-settings">
      <summary>Sound, vibration and spoken guidance</summary>
      <fieldset class="stack">
        <legend class="muted">
          On pause, resume, each new step and each swap of roles, on this device only:
        </legend>
        {choices.map(([key, label]) => (
          <label key={key} class="check">
            <input
              type="checkbox"
              checked={settings[key]}
              onChange={(e) => onChange({ ...settings, [key]: e.currentTarget.checked })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
