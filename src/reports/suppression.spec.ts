import { spansAQuarter, suppressRow, suppressSpecialCategory } from './suppression';

const row = (female: number, male: number, nonbinary: number) => ({
  female,
  male,
  nonbinary,
  total: female + male + nonbinary,
});

describe('spansAQuarter', () => {
  it('needs three full calendar months', () => {
    expect(spansAQuarter('2025-01-01', '2025-03-31')).toBe(true);
    expect(spansAQuarter('2025-01-01', '2025-03-30')).toBe(false);
    expect(spansAQuarter('2025-01-15', '2025-04-14')).toBe(true);
    expect(spansAQuarter('2025-01-15', '2025-04-13')).toBe(false);
    expect(spansAQuarter('2025-11-30', '2026-02-27')).toBe(true); // 30 Feb does not exist: up to the 27th
    expect(spansAQuarter('2025-03-02', '2025-03-02')).toBe(false);
    expect(spansAQuarter('2025-01-01', '2025-12-31')).toBe(true);
  });
});

describe('suppressRow', () => {
  it('shows rows whose counts are all zero or at least the minimum', () => {
    expect(suppressRow(row(5, 0, 7), 5)).toEqual({ value: row(5, 0, 7), cells: [] });
  });

  it('hides a small cell and the next smallest, so the small one cannot be computed from the total', () => {
    // 1 woman with a disability among 9 + 6 men: hiding only the 1 would leave 16 - 9 - 6 = 1.
    expect(suppressRow(row(1, 9, 6), 5)).toEqual({
      value: { female: null, male: 9, nonbinary: null, total: 16 },
      cells: ['female', 'nonbinary'],
    });
  });

  it('hides a small total and its small cells, and then nothing can be computed', () => {
    expect(suppressRow(row(1, 0, 0), 5)).toEqual({
      value: { female: null, male: 0, nonbinary: 0, total: null },
      cells: ['female', 'total'],
    });
    expect(suppressRow(row(2, 2, 0), 5).cells).toEqual(['female', 'male', 'total']);
  });

  it('hides a non-zero cell rather than a zero as the complement, and a zero when nothing else is left', () => {
    expect(suppressRow(row(3, 0, 8), 5).cells).toEqual(['female', 'nonbinary']);
    expect(suppressRow(row(0, 0, 0), 5).cells).toEqual([]);
    expect(suppressRow(row(6, 7, 0), 10).cells).toEqual(['female', 'male']);
  });

  it('honours a configured minimum', () => {
    expect(suppressRow(row(3, 9, 6), 3).cells).toEqual([]);
    expect(suppressRow(row(3, 9, 6), 4).cells).toEqual(['female', 'nonbinary']);
  });
});

describe('suppressSpecialCategory', () => {
  it('gives null figures with a reason for a period shorter than a quarter', () => {
    const out = suppressSpecialCategory(
      { code: 'EECO12', value: row(1, 0, 0), unknown: row(0, 0, 0) },
      { from: '2025-03-02', to: '2025-03-02' },
      5,
    );
    expect(out).toMatchObject({ code: 'EECO12', value: null, unknown: null });
    expect(out.suppression?.reason).toBe('PERIOD_SHORTER_THAN_QUARTER');
  });
});
