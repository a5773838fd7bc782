import { ChunkedLines } from './chunked-lines';

describe('ChunkedLines', () => {
  it('writes nothing until a chunk is full, then the lines in order, and the rest on flush', async () => {
    const written: string[] = [];
    const lines = new ChunkedLines(async (c) => (written.push(c), true), 10);
    expect(await lines.add('abc\n')).toBe(true);
    expect(await lines.add('def\n')).toBe(true);
    expect(written).toEqual([]);
    expect(await lines.add('ghi\n')).toBe(true);
    expect(written).toEqual(['abc\ndef\nghi\n']);
    await lines.add('jk\n');
    expect(await lines.flush()).toBe(true);
    expect(written).toEqual(['abc\ndef\nghi\n', 'jk\n']);
    expect(await lines.flush()).toBe(true);
    expect(written).toHaveLength(2);
  });

  it('answers false once the writer does, so the producer stops', async () => {
    const lines = new ChunkedLines(async () => false, 4);
    expect(await lines.add('ab')).toBe(true);
    expect(await lines.add('cd')).toBe(false);
    await lines.add('e');
    expect(await lines.flush()).toBe(false);
  });
});
