import { render } from 'preact';
import { App } from './App';
import { installQuickExitKeys, quickExit } from './quickExit';
import { loadSession, onOtherTabExit } from './session';
import { applyTheme, storedTheme } from './theme';
import './styles.css';

applyTheme(storedTheme());
loadSession();
installQuickExitKeys();
// Quick exit in any tab of the app leaves from this one too.
onOtherTabExit(() => quickExit());
render(<App />, document.getElementById('app')!);

// Installable: a service worker keeps the client shell, never an API response (public/sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('/sw.js').catch(() => {});
}
