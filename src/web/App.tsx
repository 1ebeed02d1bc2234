import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError, keys, setCsrfToken, setUnauthorizedHandler } from './api/client.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { notifyError } from './components/errors.ts';
import { FullPageLoader } from './components/FullPageLoader.tsx';
import { HomeRedirect, RequireAuth, RequireGuest } from './features/auth/session.tsx';
import { theme } from './theme.ts';

const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const SignupPage = lazy(() => import('./features/auth/SignupPage.tsx'));
const WelcomePage = lazy(() => import('./features/auth/WelcomePage.tsx'));
const TodayPage = lazy(() => import('./features/today/TodayPage.tsx'));
const OneToOnePage = lazy(() => import('./features/today/OneToOnePage.tsx'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage.tsx'));
const PersonPage = lazy(() => import('./features/people/PersonPage.tsx'));
const MePage = lazy(() => import('./features/me/MePage.tsx'));
const FindPage = lazy(() => import('./features/matching/FindPage.tsx'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage.tsx'));
const ImportPage = lazy(() => import('./features/import/ImportPage.tsx'));
const DuplicatesPage = lazy(() => import('./features/duplicates/DuplicatesPage.tsx'));
const IntrosPage = lazy(() => import('./features/intros/IntrosPage.tsx'));
const IntroDetailPage = lazy(() => import('./features/intros/IntroDetailPage.tsx'));
const OutboxPage = lazy(() => import('./features/outbox/OutboxPage.tsx'));
const OutboxMessagePage = lazy(() => import('./features/outbox/OutboxMessagePage.tsx'));
const LedgerPage = lazy(() => import('./features/ledger/LedgerPage.tsx'));
const GiversGainPage = lazy(() => import('./features/ledger/GiversGainPage.tsx'));

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      // 401 is handled by going to log-in; the session query treats it as "nobody".
      if (err instanceof ApiError && err.status === 401) return;
      if (query.meta?.silent) return;
      notifyError(err);
    },
  }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      if (err instanceof ApiError && err.status === 401) return;
      if (mutation.meta?.silent) return;
      notifyError(err);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
  },
});

const withSuspense = (el: React.ReactNode) => <Suspense fallback={<FullPageLoader />}>{el}</Suspense>;

const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  {
    element: <RequireGuest />,
    children: [
      { path: '/login', element: withSuspense(<LoginPage />) },
      { path: '/signup', element: withSuspense(<SignupPage />) },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      { path: '/welcome', element: withSuspense(<WelcomePage />) },
      {
        element: <AppLayout />,
        children: [
          { path: '/today', element: <TodayPage /> },
          { path: '/people', element: <PeoplePage /> },
          { path: '/people/:id', element: <PersonPage /> },
          { path: '/people/:id/one-to-one', element: <OneToOnePage /> },
          { path: '/me', element: <MePage /> },
          { path: '/find', element: <FindPage /> },
          { path: '/settings', element: <SettingsPage /> },
          { path: '/import', element: <ImportPage /> },
          { path: '/duplicates', element: <DuplicatesPage /> },
          { path: '/intros', element: <IntrosPage /> },
          { path: '/intros/:id', element: <IntroDetailPage /> },
          { path: '/outbox', element: <OutboxPage /> },
          { path: '/outbox/:id', element: <OutboxMessagePage /> },
          { path: '/ledger', element: <LedgerPage /> },
          { path: '/givers-gain', element: <GiversGainPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  useEffect(() => {
    // Any 401 outside log-in means the session is gone: forget it, and the guards go to /login.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(keys.session, null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
