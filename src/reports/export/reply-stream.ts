import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A response body the service writes into while its request transaction is still open. Writes wait
 * for the client (backpressure), so memory stays flat however many rows there are. When the client
 * goes away, `open` turns false and the producer stops reading.
 */
export class ReplyStream {
  private readonly body = new PassThrough({ highWaterMark: 64 * 1024 });
  private closed = false;

  constructor(reply: FastifyReply, contentType: string, filename: string) {
    this.body.on('close', () => (this.closed = true));
    this.body.on('error', () => (this.closed = true));
    reply.raw.on('close', () => (this.closed = true));
    reply
      .header('content-type', contentType)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store');
    void reply.send(this.body);
  }

  get open(): boolean {
    return !this.closed;
  }

  /** The writable side, for libraries that write into a stream themselves (the XLSX writer). */
  get stream(): PassThrough {
    return this.body;
  }

  async write(chunk: string | Buffer): Promise<boolean> {
    if (this.closed) return false;
    if (this.body.write(chunk)) return true;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.body.off('drain', done);
        this.body.off('close', done);
        resolve();
      };
      this.body.on('drain', done);
      this.body.on('close', done);
    });
    return !this.closed;
  }

  /** Waits while the client is behind, for producers that write into `stream` directly. */
  async drained(): Promise<boolean> {
    if (!this.closed && this.body.writableNeedDrain) await this.write('');
    return !this.closed;
  }

  /** Ends the body and waits until the client has taken all of it (or has gone). */
  async end(): Promise<void> {
    if (!this.closed) this.body.end();
    await finished(this.body).catch(() => undefined);
  }

  /** Breaks the response off: the client sees an incomplete download, never a truncated file that looks whole. */
  fail(err: Error): void {
    this.body.destroy(err);
  }
}
