import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A file's body, written while the request transaction is still open and sent as it is written
 * (sendFile hands `stream` to the reply). Writes wait for the reader (backpressure), so memory stays
 * flat however many rows there are. When the reader goes away, `open` turns false and the producer
 * stops reading.
 */
export class FileBody {
  private readonly body = new PassThrough({ highWaterMark: 64 * 1024 });
  private closed = false;

  constructor() {
    this.body.on('close', () => (this.closed = true));
    this.body.on('error', () => (this.closed = true));
  }

  /** The reader went away (the client closed the connection): producers stop at their next write. */
  abandon(): void {
    this.closed = true;
  }

  get open(): boolean {
    return !this.closed;
  }

  /** The stream itself: the reply reads it, and libraries that write into a stream (the XLSX writer) write it. */
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
