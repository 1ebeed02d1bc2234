import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, ApiError, keys, setCsrfToken, type CurrentUser, type Session } from '../../api/client.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import i18n, { currentLanguage } from '../../i18n/index.ts';

/** The logged-in session, or null. A 401 is an answer here ("nobody"), not an error. */
async function loadSession(): Promise<Session | null> {
  try {
    const s = await api.session();
    setCsrfToken(s.csrfToken);
    // The account remembers the language chosen last, on any device.
    if (s.user.locale !== currentLanguage()) await i18n.changeLanguage(s.user.locale);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: loadSession, staleTime: Infinity, retry: false });
}

export function useUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useUser outside RequireAuth');
  return data.user;
}

export function useAuthState() {
  return useQuery({ queryKey: keys.authState, queryFn: api.authState, staleTime: 30_000 });
}

/**
 * After log-in or sign-up: remember the session, speak the account's language, and go to `to`.
 * Navigating in the same tick as the session appears keeps the guest-only pages from
 * redirecting to /today first.
 */
export function useStartSession() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (s: Session, to: string) => {
      void navigate(to, { replace: true });
      setCsrfToken(s.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      qc.setQueryData(keys.session, s);
      if (s.user.locale !== currentLanguage()) void i18n.changeLanguage(s.user.locale);
    },
    [qc, navigate],
  );
}

export function useEndSession() {
  const qc = useQueryClient();
  return useCallback(() => {
    setCsrfToken(null);
    qc.setQueryData(keys.session, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  }, [qc]);
}

export function RequireAuth() {
  const { data, isPending, isError, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (isError) return <FullPageLoader error onRetry={() => void refetch()} />;
  if (!data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/**
 * Log-in and sign-up pages are for people who are not logged in. Once such a page is showing, a
 * session that appears is its own doing (it then navigates where it means to), so no redirect.
 */
export function RequireGuest() {
  const { data, isPending } = useSession();
  const shown = useRef(false);
  if (isPending && !shown.current) return <FullPageLoader />;
  if (data && !shown.current) return <Navigate to="/today" replace />;
  shown.current = true;
  return <Outlet />;
}

export function HomeRedirect() {
  const session = useSession();
  const state = useAuthState();
  if (session.isPending) return <FullPageLoader />;
  if (session.data) return <Navigate to="/today" replace />;
  if (state.isPending) return <FullPageLoader />;
  return <Navigate to={state.data && !state.data.hasUsers ? '/signup' : '/login'} replace />;
}
