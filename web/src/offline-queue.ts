/**
 * Writes that must survive a lost connection (contact moments, empowerment reviews) wait here, in IndexedDB,
 * each with the Idempotency-Key it was born with. Sending again with the same key is safe: the API answers a
 * replay with the first result, so a write whose answer got lost never becomes a second record.
 * This is the only personal data the app keeps on the device, and logout deletes it (clearQueue).
 */
const DB = 'jobteam-offline';
const STORE = 'writes';

export type QueuedKind = 'contact' | 'assessment';

export interface QueuedWrite {
  key: string; // the Idempotency-Key
  kind: QueuedKind;
  trajectoryId: string;
  body: Record<string, unknown>;
  queuedAt: string;
  /** Set when the API refused it (4xx other than a conflict with itself): the coach decides. */
  error?: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const enqueue = (write: QueuedWrite) => run('readwrite', (s) => s.put(write)).then(() => write);
export const removeWrite = (key: string) => run('readwrite', (s) => s.delete(key));
export const listWrites = (): Promise<QueuedWrite[]> =>
  run('readonly', (s) => s.getAll() as IDBRequest<QueuedWrite[]>).then((all) =>
    all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
  );

/** Logout: the queue and everything else this origin cached go. */
export async function clearQueue(): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  if ('caches' in globalThis) for (const name of await caches.keys()) await caches.delete(name);
}

/** What sending one write came to: sent (or replayed), refused for good, or to try again later. */
export type SendResult = { outcome: 'sent' } | { outcome: 'refused'; detail: string } | { outcome: 'retry' };

/**
 * Sends every waiting write in the order it was made. A network failure or a 5xx/429 stops the round (the
 * rest waits for the next one); a refusal is kept with its reason so the coach sees it, never dropped.
 */
export async function flushQueue(send: (w: QueuedWrite) => Promise<SendResult>): Promise<number> {
  let sent = 0;
  for (const write of await listWrites()) {
    if (write.error) continue;
    const result = await send(write).catch((): SendResult => ({ outcome: 'retry' }));
    if (result.outcome === 'retry') break;
    if (result.outcome === 'sent') {
      await removeWrite(write.key);
      sent += 1;
    } else await enqueue({ ...write, error: result.detail });
  }
  return sent;
}
