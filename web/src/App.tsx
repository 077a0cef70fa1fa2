import { useCallback, useEffect, useState } from 'preact/hooks';
import { logOut, setUnauthorizedHandler } from './api';
import { AppShell } from './components/AppShell';
import { navigate, useRoute, type Route } from './router';
import { HomeScreen } from './screens/HomeScreen';
import { LogInScreen } from './screens/LogInScreen';
import { SignUpScreen } from './screens/SignUpScreen';
import { SupportScreen } from './screens/SupportScreen';
import { clearSession, isSignedIn } from './session';

const openToAll: Route['name'][] = ['login', 'signup', 'support'];

export function App() {
  const route = useRoute();
  const [signedIn, setSignedIn] = useState(isSignedIn);

  const signedOut = useCallback(() => {
    clearSession();
    setSignedIn(false);
    navigate({ name: 'login' });
  }, []);

  useEffect(() => setUnauthorizedHandler(signedOut), [signedOut]);

  useEffect(() => {
    if (!signedIn && !openToAll.includes(route.name)) navigate({ name: 'login' });
    if (signedIn && (route.name === 'login' || route.name === 'signup')) navigate({ name: 'home' });
  }, [signedIn, route.name]);

  const onSignedIn = () => {
    setSignedIn(true);
    navigate({ name: 'home' });
  };

  const onLogOut = async () => {
    try {
      await logOut();
    } catch {
      /* the session ends locally either way */
    }
    signedOut();
  };

  return (
    <AppShell signedIn={signedIn} onLogOut={onLogOut}>
      <Screen route={route} signedIn={signedIn} onSignedIn={onSignedIn} />
    </AppShell>
  );
}

function Screen({
  route,
  signedIn,
  onSignedIn,
}: {
  route: Route;
  signedIn: boolean;
  onSignedIn: () => void;
}) {
  if (route.name === 'support') return <SupportScreen />;
  if (!signedIn) {
    return route.name === 'signup' ? (
      <SignUpScreen onSignedIn={onSignedIn} />
    ) : (
      <LogInScreen onSignedIn={onSignedIn} />
    );
  }
  switch (route.name) {
    default:
      return <HomeScreen />;
  }
}
