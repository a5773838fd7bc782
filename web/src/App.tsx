import { useEffect, useMemo, useState } from 'preact/hooks';
import { can, forgetNames, type Session } from './api';
import { I18nContext, makeI18n, type Lang } from './i18n';
import { clearQueue } from './offline-queue';
import { OutboxContext, useOutboxState } from './outbox';
import { SessionContext } from './session';
import { Caseload } from './views/Caseload';
import { Coordinator } from './views/Coordinator';
import { Inbox } from './views/Inbox';
import { Login } from './views/Login';
import { ParticipantFile } from './views/ParticipantFile';

/**
 * Views are state in memory, never the URL: a participant's id or name must not land in the history,
 * a bookmark or a proxy log. The address bar says /app/ whatever is open.
 */
export type View =
  { name: 'caseload' } | { name: 'file'; participantId: string } | { name: 'inbox' } | { name: 'reports' };

export function App() {
  const [lang, setLang] = useState<Lang>('nl');
  const [session, setSession] = useState<Session | null>(null);
  const [view, setView] = useState<View>({ name: 'caseload' });
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const outbox = useOutboxState(session);
  const t = i18n.t;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    document.title = `${t('appName')} · ${session ? t(view.name === 'file' ? 'caseload' : (view.name as 'caseload' | 'inbox' | 'reports')) : t('login')}`;
    document.getElementById('main')?.focus();
  }, [view, session, lang]);

  const signedIn = (s: Session) => {
    setSession(s);
    setView(
      can(s, 'agenda.read') && s.me.roles.includes('coach')
        ? { name: 'caseload' }
        : s.me.roles.some((r) => r.startsWith('spoc'))
          ? { name: 'inbox' }
          : can(s, 'report.read')
            ? { name: 'reports' }
            : { name: 'caseload' },
    );
  };
  const logout = async () => {
    await clearQueue();
    forgetNames();
    setSession(null);
  };

  const nav: { view: View; key: 'caseload' | 'inbox' | 'reports'; show: boolean }[] = session
    ? [
        { view: { name: 'caseload' }, key: 'caseload', show: can(session, 'participant.read') },
        { view: { name: 'inbox' }, key: 'inbox', show: session.me.roles.some((r) => r.startsWith('spoc')) },
        { view: { name: 'reports' }, key: 'reports', show: can(session, 'report.read') },
      ]
    : [];

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <OutboxContext.Provider value={outbox}>
          <a class="skip" href="#main">
            {t('skip')}
          </a>
          <header class="bar">
            <strong class="brand">{t('appName')}</strong>
            <button
              type="button"
              class="link"
              lang={lang === 'nl' ? 'en' : 'nl'}
              aria-label={t('languageLabel')}
              onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
            >
              {t('language')}
            </button>
            {session && (
              <button type="button" class="link" onClick={() => void logout()}>
                {t('logout')}
              </button>
            )}
          </header>
          {session && (
            <nav aria-label={t('menu')} class="tabs">
              {nav
                .filter((n) => n.show)
                .map((n) => (
                  <button
                    type="button"
                    key={n.key}
                    aria-current={
                      view.name === n.view.name || (view.name === 'file' && n.key === 'caseload')
                        ? 'page'
                        : undefined
                    }
                    onClick={() => setView(n.view)}
                  >
                    {t(n.key)}
                  </button>
                ))}
            </nav>
          )}
          {session && !outbox.online && (
            <p class="banner" role="status">
              {t('offline')}
            </p>
          )}
          {session && outbox.writes.length > 0 && (
            <p class="banner" role="status" data-testid="outbox">
              {outbox.writes.length} {t('queuedCount')}
            </p>
          )}
          <main id="main" tabIndex={-1}>
            {!session && <Login onSignedIn={signedIn} />}
            {session && view.name === 'caseload' && (
              <Caseload open={(id) => setView({ name: 'file', participantId: id })} />
            )}
            {session && view.name === 'file' && (
              <ParticipantFile
                participantId={view.participantId}
                back={() => setView({ name: 'caseload' })}
              />
            )}
            {session && view.name === 'inbox' && <Inbox />}
            {session && view.name === 'reports' && <Coordinator />}
          </main>
        </OutboxContext.Provider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
