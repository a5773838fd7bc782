/**
 * Collects text lines and hands them to `write` in chunks of about `size` characters: one stream
 * write per CSV row cost more than building the row. `add` answers false once `write` has (the
 * client went away), so the producer can stop reading.
 */
export class ChunkedLines {
  private pending = '';

  constructor(
    private readonly write: (chunk: string) => Promise<boolean>,
    private readonly size = 64 * 1024,
  ) {}

  async add(line: string): Promise<boolean> {
    this.pending += line;
    return this.pending.length < this.size ? true : this.flush();
  }

  async flush(): Promise<boolean> {
    if (!this.pending) return true;
    const chunk = this.pending;
    this.pending = '';
    return this.write(chunk);
  }
}
