import { useEffect, useRef, useState } from 'preact/hooks';
import { unwrap } from '../api';
import { useI18n } from '../i18n';
import { useOutbox } from '../outbox';
import { useSession } from '../session';
import { formatDateTime } from '../time';

type Text = { nl: string; en: string };
interface Instrument {
  key: string;
  version: number;
  scaleMin: number;
  scaleMax: number;
  dimensions: { key: string; label: Text; description?: Text }[];
  anchors?: { score: number; label: Text; dimension?: string }[];
}
interface Assessment {
  id: string;
  kind: string;
  takenAt: string;
  instrument: { key: string };
}

/** The star (baseline against latest) as the API draws it, full screen, to show the participant. */
function StarOverlay({ trajectoryId, close }: { trajectoryId: string; close: () => void }) {
  const s = useSession();
  const { t, lang } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    let url: string | null = null;
    fetch(
      `/trajectories/${trajectoryId}/assessments/star.svg?instrument=empowerment&compare=baseline,latest`,
      {
        headers: { authorization: `Bearer ${s.token}`, 'accept-language': lang },
      },
    )
      .then(async (r) => {
        if (!r.ok)
          throw new Error(((await r.json().catch(() => ({}))) as { detail?: string }).detail ?? t('noStar'));
        url = URL.createObjectURL(await r.blob());
        setSrc(url);
      })
      .catch((e: Error) => setError(e.message));
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      if (url) URL.revokeObjectURL(url);
    };
  }, [trajectoryId, lang]);
  return (
    <div class="fullscreen" role="dialog" aria-modal="true" aria-labelledby="star-title">
      <h2 id="star-title">{t('baselineVsLatest')}</h2>
      {src && <img src={src} alt={t('baselineVsLatest')} data-testid="star" />}
      {error && <p role="alert">{error}</p>}
      <button type="button" ref={closeRef} onClick={close}>
        {t('close')}
      </button>
    </div>
  );
}

/** Score an empowerment review with the instrument's level descriptions beside each component. */
export function Review({ trajectoryId }: { trajectoryId: string }) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const outbox = useOutbox();
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  const [history, setHistory] = useState<Assessment[]>([]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [open, setOpen] = useState(false);
  const [star, setStar] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    s.api
      .GET('/instruments')
      .then((r) => {
        const items = unwrap<{ items: Instrument[] }>(r).items;
        const newest = items.filter((i) => i.key === 'empowerment').sort((a, b) => b.version - a.version)[0];
        setInstrument(newest ?? null);
      })
      .catch(() => {});
  }, [s]);
  useEffect(() => {
    s.api
      .GET('/trajectories/{id}/assessments', { params: { path: { id: trajectoryId } } })
      .then(
        (r) =>
          r.response.ok &&
          setHistory(
            ((r.data as unknown as { items: Assessment[] }).items ?? []).filter(
              (a) => a.instrument.key === 'empowerment',
            ),
          ),
      )
      .catch(() => {});
  }, [s, trajectoryId, outbox.generation]);

  if (!instrument) return null;
  const range = Array.from(
    { length: instrument.scaleMax - instrument.scaleMin + 1 },
    (_, i) => instrument.scaleMin + i,
  );
  const anchorsOf = (dim: string) =>
    (instrument.anchors ?? []).filter((a) => !a.dimension || a.dimension === dim);
  const complete = instrument.dimensions.every((d) => scores[d.key] !== undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      instrument: instrument.key,
      version: instrument.version,
      kind: history.length ? 'review' : 'baseline',
      takenAt: new Date().toISOString(),
      scores,
      perspective: 'agreed',
      participantPresent: true,
    };
    const sent = await outbox.add('assessment', trajectoryId, body);
    setMessage(sent ? t('saved') : t('savedOffline'));
    setOpen(false);
    setScores({});
  };

  return (
    <section aria-labelledby="review-title" class="card">
      <h2 id="review-title">{t('review')}</h2>
      <ul class="plain">
        {history.slice(-4).map((a) => (
          <li key={a.id}>
            {l(a.kind)} · {formatDateTime(a.takenAt, lang)}
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={() => setStar(true)}>
          {t('showStar')}
        </button>
        {!open && (
          <button type="button" onClick={() => setOpen(true)}>
            {t('newReview')}
          </button>
        )}
      </div>
      {message && (
        <p role="status" class="ok">
          {message}
        </p>
      )}
      {open && (
        <form onSubmit={submit} aria-label={t('newReview')}>
          {instrument.dimensions.map((d) => {
            const anchors = anchorsOf(d.key);
            const chosen = scores[d.key];
            return (
              <fieldset key={d.key} class="dimension">
                <legend>
                  {d.label[lang]}
                  {d.description ? ` – ${d.description[lang]}` : ''}
                </legend>
                <label>
                  {t('score')}
                  <select
                    name={d.key}
                    value={chosen === undefined ? '' : String(chosen)}
                    onChange={(e) => setScores({ ...scores, [d.key]: Number(e.currentTarget.value) })}
                    required
                  >
                    <option value="">–</option>
                    {range.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
                <ul class="anchors" aria-label={d.label[lang]}>
                  {anchors.map((a) => (
                    <li
                      key={a.score}
                      class={chosen !== undefined && Math.abs(chosen - a.score) <= 2 ? 'near' : ''}
                    >
                      <strong>{a.score}</strong> {a.label[lang]}
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
          <button type="submit" disabled={!complete}>
            {t('save')}
          </button>
          <button type="button" class="link" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
      {star && <StarOverlay trajectoryId={trajectoryId} close={() => setStar(false)} />}
    </section>
  );
}
