import { useState } from 'preact/hooks';
import type { ChannelMessage } from '../../api';
import { Status } from '../Status';
import { useAction } from '../../hooks';

/** A private conversation on one person's channel, with a box to write the next message. */
export function MessageThread({
  messages,
  ownSide,
  label,
  onSend,
}: {
  messages: ChannelMessage[];
  ownSide: ChannelMessage['from'];
  label: string;
  onSend: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const { status, busy, run } = useAction();
  return (
    <div class="stack">
      <ul class="plain-list messages">
        {messages.map((m) => (
          <li key={m.id} class={m.from === ownSide ? 'message mine' : 'message'}>
            <span class="muted small">{m.from === ownSide ? 'You' : m.from === 'therapist' ? 'Therapist' : 'Partner'}</span>
            <p class="entry-text">{m.text}</p>
          </li>
        ))}
      </ul>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await onSend(text.trim());
            setText('');
          }, 'Sent.');
        }}
      >
        <label class="field">
          <span>{label}</span>
          <textarea name="message" required maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Send
        </button>
        <Status status={status} />
      </form>
    </div>
  );
}
