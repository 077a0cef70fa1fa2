import { useCallback, useEffect, useState } from 'preact/hooks';
import { logOut, setUnauthorizedHandler } from './api';
import { AppShell } from './components/AppShell';
import { navigate, useRoute, type Route } from './router';
import { HomeScreen } from './screens/HomeScreen';
import { LogInScreen } from './screens/LogInScreen';
import { SignUpScreen } from './screens/SignUpScreen';
import { SupportScreen } from './screens/SupportScreen';
import { AgreementScreen } from './screens/AgreementScreen';
import { AgreementsScreen } from './screens/AgreementsScreen';
import { BoundaryMapScreen } from './screens/BoundaryMapScreen';
import { IntakeScreen } from './screens/IntakeScreen';
import { CheckinScreen } from './screens/CheckinScreen';
import { ProgrammeScreen } from './screens/ProgrammeScreen';
import { RelationshipScreen } from './screens/RelationshipScreen';
import { SharedViewScreen } from './screens/SharedViewScreen';
import { PracticeScreen } from './screens/PracticeScreen';
import { ExercisesScreen } from './screens/ExercisesScreen';
import { ExerciseScreen } from './screens/ExerciseScreen';
import { DebriefScreen } from './screens/DebriefScreen';
import { PracticeHistoryScreen } from './screens/PracticeHistoryScreen';
import { clearSession, isSignedIn } from './session';
import { AccountScreen } from './screens/AccountScreen';
import { ForgotPasswordScreen } from './screens/ForgotPasswordScreen';
import { ResetPasswordScreen } from './screens/ResetPasswordScreen';
import { ConfirmSignUpScreen } from './screens/ConfirmSignUpScreen';

const openToAll: Route['name'][] = ['login', 'signup', 'support', 'forgot', 'reset', 'confirm'];

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
      <Screen route={route} signedIn={signedIn} onSignedIn={onSignedIn} onSignedOut={signedOut} />
    </AppShell>
  );
}

function Screen({
  route,
  signedIn,
  onSignedIn,
  onSignedOut,
}: {
  route: Route;
  signedIn: boolean;
  onSignedIn: () => void;
  onSignedOut: () => void;
}) {
  if (route.name === 'support') return <SupportScreen />;
  if (route.name === 'forgot') return <ForgotPasswordScreen />;
  if (route.name === 'reset') return <ResetPasswordScreen token={route.token} />;
  if (route.name === 'confirm') return <ConfirmSignUpScreen token={route.token} />;
  if (!signedIn) {
    return route.name === 'signup' ? (
      <SignUpScreen onSignedIn={onSignedIn} />
    ) : (
      <LogInScreen onSignedIn={onSignedIn} />
    );
  }
  switch (route.name) {
    case 'relationship':
      return <RelationshipScreen key={route.rid} rid={route.rid} />;
    case 'boundaries':
      return <BoundaryMapScreen key={route.rid} rid={route.rid} />;
    case 'shared':
      return <SharedViewScreen key={route.rid} rid={route.rid} />;
    case 'intake':
      return <IntakeScreen key={route.rid} rid={route.rid} />;
    case 'checkins':
      return <CheckinScreen key={route.rid} rid={route.rid} />;
    case 'programme':
      return <ProgrammeScreen key={route.rid} rid={route.rid} />;
    case 'agreements':
      return <AgreementsScreen key={route.rid} rid={route.rid} />;
    case 'agreement':
      return <AgreementScreen key={route.aid} rid={route.rid} aid={route.aid} />;
    case 'practice':
      return <PracticeScreen key={route.pid} rid={route.rid} pid={route.pid} />;
    case 'exercises':
      return <ExercisesScreen key={route.rid} rid={route.rid} />;
    case 'exercise':
      return <ExerciseScreen key={route.id} rid={route.rid} id={route.id} />;
    case 'debrief':
      return <DebriefScreen key={route.pid} rid={route.rid} pid={route.pid} />;
    case 'history':
      return <PracticeHistoryScreen key={route.rid} rid={route.rid} />;
    case 'account':
      return <AccountScreen onDeleted={onSignedOut} />;
    default:
      return <HomeScreen />;
  }
}
