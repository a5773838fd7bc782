import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { formatDate } from '../time';

const PHASES = ['aanmelding', 'intake', 'begeleiding', 'nazorg', 'afgesloten'] as const;

interface Row {
  id: string;
  firstName?: string;
  lastName?: string;
  status: string | null;
}
interface Due {
  kind: 'reviewDue' | 'actionDue' | 'referralDue';
  at: string | null;
  overdue: boolean;
  text?: string;
}
interface Agenda {
  referrals?: { participantId?: string | null; dueAt?: string | null; overdue?: boolean; kind?: string }[];
  caseMeetingActions?: {
    participantId?: string | null;
    dueAt?: string | null;
    overdue?: boolean;
    description?: string;
  }[];
  overdueAssessments?: { participantId: string; dueAt: string; instrument: string }[];
}

/** What is due per participant, from /me/agenda: reviews, referrals and case-meeting actions. */
function dueByParticipant(agenda: Agenda): Map<string, Due[]> {
  const out = new Map<string, Due[]>();
  const add = (id: string | null | undefined, due: Due) => id && out.set(id, [...(out.get(id) ?? []), due]);
  for (const a of agenda.overdueAssessments ?? [])
    add(a.participantId, { kind: 'reviewDue', at: a.dueAt, overdue: true, text: a.instrument });
  for (const r of agenda.referrals ?? [])
    add(r.participantId, { kind: 'referralDue', at: r.dueAt ?? null, overdue: !!r.overdue });
  for (const c of agenda.caseMeetingActions ?? [])
    add(c.participantId, {
      kind: 'actionDue',
      at: c.dueAt ?? null,
      overdue: !!c.overdue,
      text: c.description,
    });
  return out;
}

export function Caseload({ open }: { open: (participantId: string) => void }) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const [q, setQ] = useState('');
  const [phase, setPhase] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [due, setDue] = useState<Map<string, Due[]>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!s.me.permissions.includes('agenda.read')) return;
    s.api.GET('/me/agenda').then(
      (r) => r.response.ok && setDue(dueByParticipant(r.data as unknown as Agenda)),
      () => {},
    );
  }, [s]);

  useEffect(() => {
    const search = q.trim();
    // The query goes in the request to the API only; the app's own URL never holds it.
    const query: Record<string, unknown> = { limit: 200 };
    if (s.me.roles.includes('coach')) query.caseManagerId = s.me.id;
    if (search.length >= 2) query.q = search;
    if (phase) query.status = phase;
    let stale = false;
    const timer = setTimeout(() => {
      s.api
        .GET('/participants', { params: { query: query as never } })
        .then((r) => !stale && setRows(unwrap<{ items: Row[] }>(r).items))
        .catch((e: Error) => !stale && setError(e.message));
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [s, q, phase]);

  return (
    <section aria-labelledby="caseload-title">
      <h1 id="caseload-title">{t('caseload')}</h1>
      <div class="filters">
        <label>
          {t('search')}
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} autoComplete="off" />
        </label>
        <label>
          {t('phase')}
          <select value={phase} onChange={(e) => setPhase(e.currentTarget.value)}>
            <option value="">{t('allPhases')}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {l(p)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!rows && !error && <p>{t('loading')}</p>}
      {rows?.length === 0 && <p>{t('noResults')}</p>}
      <ul class="list" aria-label={t('caseload')}>
        {rows?.map((p) => {
          const items = due.get(p.id) ?? [];
          return (
            <li key={p.id} class="row">
              <button type="button" class="rowlink" onClick={() => open(p.id)}>
                <span class="name">
                  {p.firstName} {p.lastName}
                </span>
                <span class={`phase phase-${p.status ?? 'none'}`}>{l(p.status)}</span>
              </button>
              <p class="due">
                <span class="sr">{t('due')}: </span>
                {items.length === 0
                  ? t('nothingDue')
                  : items.map((d, i) => (
                      <span key={i} class={d.overdue ? 'chip late' : 'chip'}>
                        {t(d.kind)}
                        {d.kind === 'reviewDue' && d.text ? ` ${l(d.text)}` : ''} {formatDate(d.at, lang)}
                        {d.overdue ? ` (${t('overdue')})` : ''}
                      </span>
                    ))}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
