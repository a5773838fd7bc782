import http from 'node:http';

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationMs: number;
  /** Builds the next request; called once per request, so scenarios can rotate ids. */
  next: (i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> };
  /** Sampled while the load runs; the maximum is reported (server RSS). */
  sample?: () => number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  bytes: number;
  peakSample?: number;
}

/** Exact percentiles from the sorted latencies (ms); at these volumes sorting is cheaper than a histogram. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

/**
 * A closed-loop load generator: `connections` keep-alive sockets, each sending its next request as
 * soon as the previous answer is read, like autocannon. Any non-2xx answer or socket error counts as an error.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let i = 0;
  let peak = 0;
  const started = Date.now();
  const until = started + o.durationMs;
  const sampler = o.sample
    ? setInterval(() => {
        peak = Math.max(peak, o.sample!());
      }, 200)
    : undefined;

  const one = () =>
    new Promise<void>((resolve) => {
      const r = o.next(i++);
      const t0 = process.hrtime.bigint();
      const req = http.request(
        `${o.baseUrl}${r.path}`,
        {
          method: r.method,
          agent,
          headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers },
        },
        (res) => {
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            const key = String(res.statusCode);
            statuses[key] = (statuses[key] ?? 0) + 1;
            if (!res.statusCode || res.statusCode >= 300) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        statuses.socket = (statuses.socket ?? 0) + 1;
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  if (sampler) clearInterval(sampler);
  if (o.sample) peak = Math.max(peak, o.sample());
  agent.destroy();
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    statuses,
    rps:
      latencies.length / elapsed >= 10
        ? Math.round(latencies.length / elapsed)
        : Math.round((latencies.length / elapsed) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    bytes,
    peakSample: o.sample ? peak : undefined,
  };
}
