import { useEffect, useState } from 'preact/hooks';
import { staffName, unwrap } from '../api';
import { useI18n } from '../i18n';
import { useOutbox } from '../outbox';
import { useSession } from '../session';
import { formatDate, formatDateTime } from '../time';
import { ContactForm, Contacts } from './Contacts';
import { Review } from './Review';

type Participant = Record<string, unknown> & {
  id: string;
  currentTrajectoryId?: string | null;
  status?: string | null;
};
interface Trajectory {
  id: string;
  status: string;
  startedAt: string | null;
  caseManagerHistory?: { staffId: string; from: string | null; to: string | null }[];
}
interface Goal {
  id: string;
  title: string;
  lifeDomain: string;
  status: string;
  targetDate: string | null;
  steps: { title: string; done: boolean }[];
}
interface LifeDomains {
  domains: { domain: string; severity: number; note?: string | null }[];
}

/** Identity fields in the order a coach reads them; a field the scope leaves out is absent, not blank. */
const IDENTITY: { key: string; text: Parameters<ReturnType<typeof useI18n>['t']>[0] }[] = [
  { key: 'firstName', text: 'firstName' },
  { key: 'lastName', text: 'lastName' },
  { key: 'birthDate', text: 'birthDate' },
  { key: 'birthYear', text: 'birthYear' },
  { key: 'gender', text: 'gender' },
  { key: 'phone', text: 'phone' },
  { key: 'address', text: 'address' },
  { key: 'contactLanguage', text: 'contactLanguage' },
  { key: 'labourStatus', text: 'labourStatus' },
  { key: 'educationLevel', text: 'educationLevel' },
  { key: 'nationality', text: 'nationality' },
];

function displayName(type: 'language' | 'region', code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang === 'en' ? 'en-GB' : 'nl-BE'], { type }).of(code) ?? code;
  } catch {
    return code; // not a code Intl knows: show it as entered
  }
}

function identityValue(key: string, value: unknown, l: (v: string) => string, lang: string): string {
  if (key === 'address' && value && typeof value === 'object') {
    const a = value as Record<string, string | null>;
    return [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–';
  }
  if (key === 'birthDate') return formatDate(String(value), lang);
  if (key === 'gender' || key === 'labourStatus' || key === 'educationLevel') return l(String(value));
  // ISO codes (a language, a country) read as their names in the app's language: `pl` → Pools.
  if ((key === 'contactLanguage' || key === 'nationality') && typeof value === 'string')
    return displayName(key === 'contactLanguage' ? 'language' : 'region', value, lang);
  return value === null ? '–' : String(value);
}

function StaffName({ id }: { id: string }) {
  const s = useSession();
  const [name, setName] = useState('…');
  useEffect(() => void staffName(s, id).then(setName), [s, id]);
  return <>{name}</>;
}

export function ParticipantFile({ participantId, back }: { participantId: string; back: () => void }) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const outbox = useOutbox();
  const [p, setP] = useState<Participant | null>(null);
  const [trajectory, setTrajectory] = useState<Trajectory | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [domains, setDomains] = useState<LifeDomains['domains']>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const participant = unwrap<Participant>(
        await s.api.GET('/participants/{id}', { params: { path: { id: participantId } } }),
      );
      setP(participant);
      const tid = participant.currentTrajectoryId;
      if (!tid) return;
      const path = { params: { path: { id: tid } } };
      const [tr, g, d] = await Promise.all([
        s.api.GET('/trajectories/{id}', path),
        s.api.GET('/trajectories/{id}/goals', path),
        s.api.GET('/trajectories/{id}/life-domains', path),
      ]);
      setTrajectory(unwrap<Trajectory>(tr));
      if (g.response.ok) setGoals((g.data as unknown as { items: Goal[] }).items);
      if (d.response.ok) setDomains((d.data as unknown as LifeDomains).domains ?? []);
    })().catch((e: Error) => setError(e.message));
  }, [s, participantId]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!p) return <p>{t('loading')}</p>;
  const name = `${String(p.firstName ?? '')} ${String(p.lastName ?? '')}`.trim();
  const tid = p.currentTrajectoryId ?? null;

  return (
    <article aria-labelledby="file-title">
      <button type="button" class="link" onClick={back}>
        ← {t('back')}
      </button>
      <h1 id="file-title">{name}</h1>

      <section aria-labelledby="identity-title" class="card">
        <h2 id="identity-title">{t('identity')}</h2>
        <dl class="facts">
          {IDENTITY.filter((f) => f.key in p && !(f.key === 'birthYear' && 'birthDate' in p)).map((f) => (
            <div key={f.key}>
              <dt>{t(f.text)}</dt>
              <dd>{identityValue(f.key, p[f.key], l, lang)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {trajectory && (
        <section aria-labelledby="trajectory-title" class="card">
          <h2 id="trajectory-title">{t('trajectory')}</h2>
          <p>
            {t('phase')}: <strong data-testid="phase">{l(trajectory.status)}</strong> · {t('started')}{' '}
            {formatDate(trajectory.startedAt, lang)}
          </p>
          {trajectory.caseManagerHistory && (
            <>
              <h3>{t('caseManagers')}</h3>
              <ul>
                {trajectory.caseManagerHistory.map((c, i) => (
                  <li key={i}>
                    <StaffName id={c.staffId} />: {formatDate(c.from, lang)} –{' '}
                    {c.to ? formatDate(c.to, lang) : t('now')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {tid && <ContactForm trajectoryId={tid} />}
      {tid && <Contacts trajectoryId={tid} generation={outbox.generation} />}

      {tid && (
        <section aria-labelledby="goals-title" class="card">
          <h2 id="goals-title">{t('goals')}</h2>
          {goals.length === 0 && <p>–</p>}
          <ul class="plain">
            {goals.map((g) => (
              <li key={g.id}>
                <strong>{g.title}</strong> ({l(g.lifeDomain)}, {l(g.status)}
                {g.targetDate ? `, ${t('targetDate').toLowerCase()} ${formatDate(g.targetDate, lang)}` : ''})
                <ul aria-label={t('steps')}>
                  {g.steps.map((st, i) => (
                    <li key={i}>
                      {st.done ? '✔ ' : '○ '}
                      {st.title}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      {tid && (
        <section aria-labelledby="domains-title" class="card">
          <h2 id="domains-title">{t('lifeDomains')}</h2>
          {domains.length === 0 && <p>–</p>}
          <ul class="plain">
            {domains.map((d) => (
              <li key={d.domain}>
                <strong>{l(d.domain)}</strong> · {t('severity')} {d.severity}/5{d.note ? `: ${d.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {tid && <Review trajectoryId={tid} />}
      {!tid && <p>{formatDateTime(null, lang)}</p>}
    </article>
  );
}
