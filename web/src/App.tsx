import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getMe, logOut, setUnauthorizedHandler } from './api';
import { AppShell } from './components/AppShell';
import { navigate, replaceAddress, useRoute, type Route } from './router';
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
import { SafetyCheckScreen } from './screens/SafetyCheckScreen';
import { CarePlanScreen } from './screens/CarePlanScreen';
import { WorksheetsScreen } from './screens/WorksheetsScreen';
import { LearningScreen } from './screens/LearningScreen';
import { MeasuresScreen } from './screens/MeasuresScreen';
import { MeasureScreen } from './screens/MeasureScreen';
import { MeasureResultsScreen } from './screens/MeasureResultsScreen';
import { ProgressScreen } from './screens/ProgressScreen';
import { TherapistLinkScreen } from './screens/TherapistLinkScreen';
import { TherapistHomeScreen } from './screens/TherapistHomeScreen';
import { ClientScreen } from './screens/ClientScreen';
import { JoinScreen } from './screens/JoinScreen';
import {
  askOpenTabs,
  clearSession,
  isSignedIn,
  onSessionChange,
  rememberTarget,
  takeTarget,
} from './session';
import { AppreciationScreen } from './screens/AppreciationScreen';
import { PlansScreen } from './screens/PlansScreen';
import { RemindersScreen } from './screens/RemindersScreen';
import { AccountScreen } from './screens/AccountScreen';
import { ForgotPasswordScreen } from './screens/ForgotPasswordScreen';
import { ResetPasswordScreen } from './screens/ResetPasswordScreen';
import { ConfirmSignUpScreen } from './screens/ConfirmSignUpScreen';
import { forgetNudges, NudgeChannel, receiveNudge, seeRoute } from './nudges';

const openToAll: Route['name'][] = ['login', 'signup', 'support', 'forgot', 'reset', 'confirm'];

export function App() {
  const route = useRoute();
  const [signedIn, setSignedIn] = useState(isSignedIn);
  // A new tab asks the app's open tabs for their session before asking to log in.
  const [asking, setAsking] = useState(!isSignedIn());

  useEffect(() => {
    if (asking) void askOpenTabs().then((found) => {
      setSignedIn(found);
      setAsking(false);
    });
    return onSessionChange(() => setSignedIn(isSignedIn()));
  }, []);

  // The server said the session is gone: log in again, then come back here.
  const sessionLost = useCallback(() => {
    clearSession();
    setSignedIn(false);
  }, []);

  useEffect(() => setUnauthorizedHandler(sessionLost), [sessionLost]);

  useEffect(() => {
    if (asking) return;
    if (!signedIn && !openToAll.includes(route.name)) {
      rememberTarget(window.location.pathname + window.location.hash);
      navigate({ name: 'login' }, { replace: true });
    }
    if (signedIn && (route.name === 'login' || route.name === 'signup')) {
      const target = takeTarget();
      if (target) replaceAddress(target);
      else navigate({ name: 'home' }, { replace: true });
    }
  }, [asking, signedIn, route.name]);

  // The person's own nudges while signed in: open screens fetch again, and a calm mark
  // waits where something changed until that screen is opened.
  const shown = useRef(route);
  shown.current = route;
  useEffect(() => {
    if (!signedIn) return;
    const channel = new NudgeChannel({ onNudge: (nudge) => receiveNudge(nudge, shown.current) });
    channel.start();
    return () => {
      channel.stop();
      forgetNudges();
    };
  }, [signedIn]);
  useEffect(() => seeRoute(route), [route]);

  const onSignedIn = () => setSignedIn(true);

  // Logged out or deleted here: this tab and every other one leave.
  const signedOut = () => {
    clearSession('ended');
    setSignedIn(false);
    navigate({ name: 'login' }, { replace: true });
  };

  const onLogOut = async () => {
    try {
      await logOut();
    } catch {
      /* the session ends locally either way */
    }
    signedOut();
  };

  // A therapist gets the therapist's screens only, never a partner's.
  const [therapist, setTherapist] = useState<boolean | null>(null);
  useEffect(() => {
    setTherapist(null);
    if (!signedIn) return;
    getMe()
      .then((me) => setTherapist(me.roles.includes('therapist')))
      .catch(() => setTherapist(false));
  }, [signedIn]);

  return (
    <AppShell signedIn={signedIn} onLogOut={onLogOut}>
      {asking || (signedIn && therapist === null && route.name !== 'support') ? (
        <p role="status" class="screen">
          Loading…
        </p>
      ) : signedIn && therapist && route.name !== 'support' ? (
        <TherapistScreen route={route} />
      ) : (
        <Screen route={route} signedIn={signedIn} onSignedIn={onSignedIn} onSignedOut={signedOut} />
      )}
    </AppShell>
  );
}

function TherapistScreen({ route }: { route: Route }) {
  if (route.name === 'client') return <ClientScreen key={route.rid} rid={route.rid} />;
  return <TherapistHomeScreen />;
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
    case 'safety-check':
      return <SafetyCheckScreen key={route.rid} rid={route.rid} />;
    case 'care':
      return <CarePlanScreen key={route.rid} rid={route.rid} />;
    case 'worksheets':
      return <WorksheetsScreen key={route.rid} rid={route.rid} />;
    case 'learning':
      return <LearningScreen key={route.rid} rid={route.rid} />;
    case 'therapist':
      return <TherapistLinkScreen key={route.rid} rid={route.rid} />;
    case 'measures':
      return <MeasuresScreen key={route.rid} rid={route.rid} />;
    case 'measure':
      return <MeasureScreen key={route.id} rid={route.rid} id={route.id} />;
    case 'results':
      return <MeasureResultsScreen key={route.rid} rid={route.rid} />;
    case 'progress':
      return <ProgressScreen key={route.rid} rid={route.rid} />;
    case 'join':
      return <JoinScreen />;
    case 'appreciation':
      return <AppreciationScreen key={route.rid} rid={route.rid} />;
    case 'plans':
      return <PlansScreen key={route.rid} rid={route.rid} />;
    case 'reminders':
      return <RemindersScreen />;
    case 'account':
      return <AccountScreen onDeleted={onSignedOut} />;
    default:
      return <HomeScreen />;
  }
}
