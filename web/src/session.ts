import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './api';

export const SessionContext = createContext<Session | null>(null);
/** Views below the login only render with a session. */
export const useSession = () => useContext(SessionContext)!;
