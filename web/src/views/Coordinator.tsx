import { useEffect, useState } from 'preact/hooks';
import { download, unwrap } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { brusselsToday, formatDateTime } from '../time';
import { ReportView } from './ReportView';

interface Submission {
  id: string;
  submittedAt?: string;
  createdAt?: string;
  year?: number;
  quarter?: number;
  from?: string;
  to?: string;
  period?: { from: string; to: string };
  note?: string | null;
}

/** The coordinator's page: the quarterly and ESF+ reports for a period, their downloads and submissions. */
export function Coordinator() {
  const s = useSession();
  const { t, lang } = useI18n();
  const today = brusselsToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [quarter, setQuarter] = useState(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(`${today.slice(0, 4)}-12-31`);
  const [which, setWhich] = useState<'quarterly' | 'esf'>('quarterly');
  const [report, setReport] = useState<Record<string, unknown> | null>(null);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const headers = { 'Accept-Language': lang };

  const show = async (e?: Event) => {
    e?.preventDefault();
    setError(null);
    setReport(null);
    try {
      const res =
        which === 'quarterly'
          ? await s.api.GET('/reports/quarterly', { params: { query: { year, quarter } }, headers })
          : await s.api.GET('/reports/esf', { params: { query: { from, to } }, headers });
      setReport(unwrap<Record<string, unknown>>(res));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => void show(), [which, lang]);
  useEffect(() => {
    const path = which === 'quarterly' ? '/reports/quarterly/submissions' : '/reports/esf/submissions';
    s.api
      .GET(path)
      .then((r) => setSubmissions(unwrap<{ items: Submission[] }>(r).items))
      .catch(() => setSubmissions([]));
  }, [s, which, version]);

  const get = (path: string, name: string) =>
    download(s, path, name, lang).catch((e: Error) => setError(e.message));
  const submit = async () => {
    setError(null);
    try {
      if (which === 'quarterly')
        unwrap(await s.api.POST('/reports/quarterly/submissions', { body: { year, quarter } }));
      else unwrap(await s.api.POST('/reports/esf/submissions', { body: { from, to } }));
      setMessage(t('submitted'));
      setVersion((v) => v + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports')}</h1>
      <div class="tabs" role="group" aria-label={t('reports')}>
        <button type="button" aria-pressed={which === 'quarterly'} onClick={() => setWhich('quarterly')}>
          {t('quarterly')}
        </button>
        <button type="button" aria-pressed={which === 'esf'} onClick={() => setWhich('esf')}>
          {t('esf')}
        </button>
      </div>
      <form class="filters" onSubmit={show}>
        {which === 'quarterly' ? (
          <>
            <label>
              {t('year')}
              <input
                type="number"
                min={2000}
                max={2100}
                value={year}
                onInput={(e) => setYear(Number(e.currentTarget.value))}
              />
            </label>
            <label>
              {t('quarter')}
              <select value={quarter} onChange={(e) => setQuarter(Number(e.currentTarget.value))}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    Q{q}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <>
            <label>
              {t('from')}
              <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {t('to')}
              <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </>
        )}
        <button type="submit">{t('show')}</button>
      </form>
      <div class="actions">
        {which === 'quarterly' ? (
          <button
            type="button"
            onClick={() =>
              void get(
                `/reports/quarterly.xlsx?year=${year}&quarter=${quarter}`,
                `kwartaal-${year}-Q${quarter}.xlsx`,
              )
            }
          >
            {t('downloadXlsx')}
          </button>
        ) : (
          <>
            <button
              type="button"
              onClick={() => void get(`/reports/esf.csv?from=${from}&to=${to}`, `esf-${from}-${to}.csv`)}
            >
              {t('downloadCsv')}
            </button>
            <button
              type="button"
              onClick={() => void get(`/reports/esf.xlsx?from=${from}&to=${to}`, `esf-${from}-${to}.xlsx`)}
            >
              {t('downloadXlsx')}
            </button>
          </>
        )}
        {s.me.permissions.includes('report.submit') && (
          <button type="button" onClick={() => void submit()}>
            {t('submit')}
          </button>
        )}
      </div>
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
      <h2>{t('submissions')}</h2>
      {submissions.length === 0 && <p>{t('noSubmissions')}</p>}
      <ul class="plain" data-testid="submissions">
        {submissions.map((x) => (
          <li key={x.id}>
            {x.year ? `${x.year} Q${x.quarter}` : `${x.from ?? x.period?.from} – ${x.to ?? x.period?.to}`} ·{' '}
            {t('submittedAt')} {formatDateTime(x.submittedAt ?? x.createdAt ?? null, lang)}
          </li>
        ))}
      </ul>
      {!report && !error && <p>{t('loading')}</p>}
      {report && <ReportView title={which === 'quarterly' ? t('quarterly') : t('esf')} report={report} />}
    </section>
  );
}
