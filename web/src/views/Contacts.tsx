import { useEffect, useState } from 'preact/hooks';
import { staffName, unwrap } from '../api';
import { useI18n } from '../i18n';
import { removeWrite } from '../offline-queue';
import { useOutbox } from '../outbox';
import { useSession } from '../session';
import { formatDateTime, fromBrusselsInput, toBrusselsInput } from '../time';

const KINDS = [
  'home_visit',
  'outreach',
  'office',
  'phone',
  'digital',
  'accompanied_visit',
  'group_session',
  'case_meeting',
];
const PLACES = ['home', 'public_place', 'wijkcentrum', 'office', 'phone', 'online', 'accompanying'];

interface Contact {
  id: string;
  at: string;
  kind: string;
  place?: string | null;
  durationMinutes: number;
  summary?: string | null;
  confidential?: boolean;
  authorId?: string;
  version?: number;
}

/** Record a contact moment in a few taps; it always goes through the offline queue (outbox.ts). */
export function ContactForm({ trajectoryId }: { trajectoryId: string }) {
  const s = useSession();
  const { t, l } = useI18n();
  const outbox = useOutbox();
  const [message, setMessage] = useState<string | null>(null);
  const secrecy = s.me.organisation.professionalSecrecy;

  const submit = async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const body: Record<string, unknown> = {
      at: fromBrusselsInput(String(form.get('at'))),
      kind: String(form.get('kind')),
      durationMinutes: Number(form.get('durationMinutes')),
    };
    if (form.get('place')) body.place = String(form.get('place'));
    const summary = String(form.get('summary') ?? '').trim();
    if (summary) body.summary = summary;
    if (secrecy) body.confidential = form.get('confidential') === 'on';
    const sent = await outbox.add('contact', trajectoryId, body);
    setMessage(sent ? t('saved') : t('savedOffline'));
    (formEl.elements.namedItem('summary') as HTMLTextAreaElement).value = '';
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="contact-title">
      <h2 id="contact-title">{t('newContact')}</h2>
      <div class="grid2">
        <label>
          {t('kind')}
          <select name="kind" defaultValue="home_visit">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {l(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('place')}
          <select name="place" defaultValue="">
            <option value="">–</option>
            {PLACES.map((p) => (
              <option key={p} value={p}>
                {l(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('duration')}
          <input
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            defaultValue="30"
            required
          />
        </label>
        <label>
          {t('when')}
          <input name="at" type="datetime-local" defaultValue={toBrusselsInput(new Date())} required />
        </label>
      </div>
      <label>
        {t('note')}
        <textarea name="summary" rows={2} maxLength={10000} />
      </label>
      {secrecy && (
        <label class="check">
          <input type="checkbox" name="confidential" defaultChecked />
          {t('confidential')}
        </label>
      )}
      <button type="submit">{t('save')}</button>
      {message && (
        <p role="status" class="ok">
          {message}
        </p>
      )}
    </form>
  );
}

/** Edit with If-Match; a 412 shows the newer version and offers to put the coach's change on top of it. */
function EditContact({
  trajectoryId,
  contact,
  done,
}: {
  trajectoryId: string;
  contact: Contact;
  done: () => void;
}) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const [etag, setEtag] = useState<string | null>(null);
  const [summary, setSummary] = useState(contact.summary ?? '');
  const [duration, setDuration] = useState(contact.durationMinutes);
  const [newer, setNewer] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { id: trajectoryId, contactId: contact.id };

  const load = async () => {
    const res = await s.api.GET('/trajectories/{id}/contacts/{contactId}', { params: { path } });
    return { body: unwrap<Contact>(res), etag: res.response.headers.get('etag') };
  };
  useEffect(() => {
    load().then(
      (r) => setEtag(r.etag),
      (e: Error) => setError(e.message),
    );
  }, [contact.id]);

  const save = async (e?: Event) => {
    e?.preventDefault();
    setError(null);
    const res = await s.api.PATCH('/trajectories/{id}/contacts/{contactId}', {
      params: { path, header: { 'If-Match': etag ?? '' } } as never,
      body: { summary, durationMinutes: duration },
    });
    if (res.response.status === 412) {
      const latest = await load();
      setNewer(latest.body);
      setEtag(latest.etag);
      return;
    }
    if (!res.response.ok)
      return setError(
        (res.error as unknown as { detail?: string } | undefined)?.detail ?? `HTTP ${res.response.status}`,
      );
    done();
  };

  return (
    <form class="card edit" onSubmit={save} aria-label={t('edit')}>
      <label>
        {t('note')}
        <textarea value={summary} onInput={(e) => setSummary(e.currentTarget.value)} rows={2} />
      </label>
      <label>
        {t('duration')}
        <input
          type="number"
          min={1}
          max={600}
          value={duration}
          onInput={(e) => setDuration(Number(e.currentTarget.value))}
        />
      </label>
      {newer && (
        <div role="alert" class="conflict" data-testid="conflict">
          <p>{t('conflict')}</p>
          <p>
            {formatDateTime(newer.at, lang)} · {l(newer.kind)} · {newer.durationMinutes} min · {t('version')}{' '}
            {newer.version}
          </p>
          <blockquote data-testid="newer-summary">{newer.summary ?? '–'}</blockquote>
          <button type="button" onClick={() => void save()}>
            {t('reapply')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!newer && (
        <button type="submit" disabled={!etag}>
          {t('save')}
        </button>
      )}
      <button type="button" class="link" onClick={done}>
        {t('cancel')}
      </button>
    </form>
  );
}

function Author({ id }: { id?: string }) {
  const s = useSession();
  const [name, setName] = useState('');
  useEffect(() => void (id && staffName(s, id).then(setName)), [s, id]);
  return <>{name}</>;
}

export function Contacts({ trajectoryId, generation }: { trajectoryId: string; generation: number }) {
  const s = useSession();
  const { t, l, lang } = useI18n();
  const outbox = useOutbox();
  const [items, setItems] = useState<Contact[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    s.api.GET('/trajectories/{id}/contacts', { params: { path: { id: trajectoryId } } }).then(
      (r) => r.response.ok && setItems((r.data as unknown as { items: Contact[] }).items ?? []),
      () => {},
    );
  }, [s, trajectoryId, generation, reload]);

  const waiting = outbox.writes.filter((w) => w.kind === 'contact' && w.trajectoryId === trajectoryId);
  return (
    <section aria-labelledby="contacts-title" class="card">
      <h2 id="contacts-title">{t('contacts')}</h2>
      <ul class="plain" data-testid="contacts">
        {waiting.map((w) => (
          <li key={w.key} class="queued" data-testid="queued-contact">
            {formatDateTime(String(w.body.at), lang)} · {l(String(w.body.kind))} ·{' '}
            {String(w.body.durationMinutes)} min ·{' '}
            <em>{w.error ? `${t('refused')}: ${w.error}` : t('queued')}</em>
            {w.error && (
              <button type="button" class="link" onClick={() => void removeWrite(w.key).then(outbox.flush)}>
                {t('discard')}
              </button>
            )}
          </li>
        ))}
        {items.slice(0, 20).map((c) => (
          <li key={c.id} data-testid="contact">
            <div>
              {formatDateTime(c.at, lang)} · {l(c.kind)}
              {c.place ? ` (${l(c.place)})` : ''} · {c.durationMinutes} min · <Author id={c.authorId} />
              {c.confidential ? ` · ${t('confidential')}` : ''}
            </div>
            {c.summary && <div class="summary">{c.summary}</div>}
            {c.authorId === s.me.id && editing !== c.id && (
              <button type="button" class="link" onClick={() => setEditing(c.id)}>
                {t('edit')}
              </button>
            )}
            {editing === c.id && (
              <EditContact
                trajectoryId={trajectoryId}
                contact={c}
                done={() => {
                  setEditing(null);
                  setReload((n) => n + 1);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
