import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from './api';
import {
  enqueue,
  flushQueue,
  listWrites,
  type QueuedKind,
  type QueuedWrite,
  type SendResult,
} from './offline-queue';

/** Sends one queued write with its own Idempotency-Key: a retry is a replay, never a second record. */
async function send(s: Session, w: QueuedWrite): Promise<SendResult> {
  const init = {
    params: { path: { id: w.trajectoryId }, header: { 'Idempotency-Key': w.key } },
    body: w.body as never,
  };
  const res =
    w.kind === 'contact'
      ? await s.api.POST('/trajectories/{id}/contacts', init)
      : await s.api.POST('/trajectories/{id}/assessments', init);
  const status = res.response.status;
  if (res.response.ok) return { outcome: 'sent' };
  if (status >= 500 || status === 429 || status === 401 || status === 408) return { outcome: 'retry' };
  return {
    outcome: 'refused',
    detail: (res.error as unknown as { detail?: string } | undefined)?.detail ?? `HTTP ${status}`,
  };
}

export interface Outbox {
  writes: QueuedWrite[];
  online: boolean;
  /** Queue a write and try to send it at once; resolves with whether it already went. */
  add(kind: QueuedKind, trajectoryId: string, body: Record<string, unknown>): Promise<boolean>;
  flush(): Promise<void>;
  /** Bumped after every write that reached the server, so views reload. */
  generation: number;
}

export const OutboxContext = createContext<Outbox | null>(null);
export const useOutbox = () => useContext(OutboxContext)!;

const RETRY_MS = 3000;

export function useOutboxState(session: Session | null): Outbox {
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [generation, setGeneration] = useState(0);
  const busy = useRef<Promise<void> | null>(null);

  const flush = useCallback(async () => {
    if (!session) return;
    // One round at a time: two rounds would send the same write twice at once (still one record, but noise).
    if (busy.current) return busy.current;
    busy.current = (async () => {
      try {
        const sent = await flushQueue((w) => send(session, w));
        if (sent) setGeneration((g) => g + 1);
      } finally {
        setWrites(await listWrites());
        busy.current = null;
      }
    })();
    return busy.current;
  }, [session]);

  const add = useCallback(
    async (kind: QueuedKind, trajectoryId: string, body: Record<string, unknown>) => {
      const key = `${kind}-${crypto.randomUUID()}`;
      await enqueue({ key, kind, trajectoryId, body, queuedAt: new Date().toISOString() });
      setWrites(await listWrites());
      if (navigator.onLine) await flush();
      return !(await listWrites()).some((w) => w.key === key);
    },
    [flush],
  );

  useEffect(() => {
    if (!session) return;
    void flush();
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, [session, flush]);

  // While something waits and the browser says it is online (an answer was lost, the server was busy): retry.
  useEffect(() => {
    if (!session || !writes.some((w) => !w.error) || !online) return;
    const timer = setTimeout(() => void flush(), RETRY_MS);
    return () => clearTimeout(timer);
  }, [session, writes, online, flush]);

  return { writes, online, add, flush, generation };
}
