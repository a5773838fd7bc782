import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { formatDate, fromBrusselsInput, toBrusselsInput } from '../time';

interface Referral {
  id: string;
  kind: string;
  direction: string;
  state: string;
  dueAt: string | null;
  overdue?: boolean;
  participantId: string | null;
  allowedTransitions?: string[];
  participant?: { firstName?: string; lastName?: string } | null;
}

const OPEN = new Set(['submitted', 'accepted', 'in_progress']);

function ReferralCard({ r, changed }: { r: Referral; changed: () => void }) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [refusing, setRefusing] = useState(false);
  const [mlp, setMlp] = useState('none');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = r.allowedTransitions ?? [];
  const name = r.participant
    ? `${r.participant.firstName ?? ''} ${r.participant.lastName ?? ''}`.trim()
    : '–';

  const move = async (to: string, extra: Record<string, string> = {}) => {
    setError(null);
    try {
      unwrap(
        await s.api.POST('/referrals/{id}/transitions', {
          params: { path: { id: r.id } },
          body: { to, ...extra } as never,
        }),
      );
      changed();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const check = async (e: Event) => {
    e.preventDefault();
    if (!r.participantId) return;
    try {
      unwrap(
        await s.api.POST('/participants/{id}/vdab-trajectory-check', {
          params: { path: { id: r.participantId } },
          body: { status: mlp as 'none', checkedAt: fromBrusselsInput(toBrusselsInput(new Date())) },
        }),
      );
      setMessage(`${t('checked')}: ${l(mlp)}`);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <li class="card" data-testid="referral">
      <h2 class="h3">
        {name} · {l(r.kind)}
      </h2>
      <p>
        {l(r.direction)} · {t('state')}: <strong>{l(r.state)}</strong> · {t('dueAt')}{' '}
        {formatDate(r.dueAt, lang)}
        {r.overdue ? ` (${t('overdue')})` : ''}
      </p>
      <div class="actions">
        {allowed.includes('accepted') && (
          <button type="button" onClick={() => void move('accepted')}>
            {t('accept')}
          </button>
        )}
        {allowed.includes('rejected') && !refusing && (
          <button type="button" onClick={() => setRefusing(true)}>
            {t('refuse')}
          </button>
        )}
      </div>
      {refusing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void move('rejected', { reason });
          }}
        >
          <label>
            {t('reason')}
            <input
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={500}
            />
          </label>
          <button type="submit">{t('refuseWithReason')}</button>
        </form>
      )}
      {r.participantId && s.me.permissions.includes('vdab_check.write') && (
        <form onSubmit={check} class="inline">
          <label>
            {t('mlpCheck')}
            <select value={mlp} onChange={(e) => setMlp(e.currentTarget.value)}>
              {['none', 'active', 'closed'].map((v) => (
                <option key={v} value={v}>
                  {l(v)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('record')}</button>
        </form>
      )}
      {message && (
        <p role="status" class="ok">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </li>
  );
}

/** A SPOC's open referrals, by due date (the API's order for an inbox). */
export function Inbox() {
  const s = useSession();
  const { t } = useI18n();
  const [items, setItems] = useState<Referral[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    s.api
      .GET('/referrals', { params: { query: { inbox: 'mine', limit: 200 } } })
      .then((r) => setItems(unwrap<{ items: Referral[] }>(r).items.filter((x) => OPEN.has(x.state))))
      .catch(() => setItems([]));
  }, [s, version]);
  const sorted = (items ?? []).slice().sort((a, b) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox')}</h1>
      {!items && <p>{t('loading')}</p>}
      {items?.length === 0 && <p>{t('noReferrals')}</p>}
      <ul class="plain">
        {sorted.map((r) => (
          <ReferralCard key={`${r.id}-${r.state}`} r={r} changed={() => setVersion((v) => v + 1)} />
        ))}
      </ul>
    </section>
  );
}
