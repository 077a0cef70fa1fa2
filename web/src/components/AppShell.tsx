import type { ComponentChildren } from 'preact';
import { Link } from './Link';
import { QuickExitButton } from './QuickExitButton';
import { SupportLink } from './SupportLink';
import { ThemeToggle } from './ThemeToggle';

/** The frame around every screen: name, account, support link, theme, log out, quick exit. */
export function AppShell({
  signedIn,
  onLogOut,
  children,
}: {
  signedIn: boolean;
  onLogOut: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link class="brand" to={{ name: signedIn ? 'home' : 'login' }}>
          attune
        </Link>
        {signedIn && (
          <Link class="topbar-link" to={{ name: 'account' }}>
            Account
          </Link>
        )}
        <SupportLink />
        <QuickExitButton />
      </header>
      <main id="main" class="content">
        {children}
      </main>
      <footer class="footer">
        <nav aria-label="Help and settings" class="footer-nav">
          <ThemeToggle />
          {signedIn && (
            <button type="button" class="link-button" onClick={onLogOut}>
              Log out
            </button>
          )}
        </nav>
      </footer>
    </div>
  );
}
