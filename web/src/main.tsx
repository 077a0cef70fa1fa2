import { render } from 'preact';
import { App } from './App';
import { installQuickExitKeys } from './quickExit';
import { loadSession } from './session';
import { applyTheme, storedTheme } from './theme';
import './styles.css';

applyTheme(storedTheme());
loadSession();
installQuickExitKeys();
render(<App />, document.getElementById('app')!);
