import { compareFigures, flattenFigures, movedIds } from './restatement';

describe('flattenFigures', () => {
  it('keys ESF indicators by code and their cells by gender', () => {
    const flat = flattenFigures({
      period: { from: '2025-01-01', to: '2025-12-31' },
      cohorts: { entered: { female: 1, male: 2, nonbinary: 0, total: 3 } },
      outputs: [
        { code: 'EECO01', name: 'Total', value: { female: 1, total: 1 }, unknown: { female: 0, total: 0 } },
        { code: 'EECO12', value: null, suppression: { minCell: 5 } },
      ],
      grandTotal: 4,
    });
    expect([...flat.values()]).toEqual([
      { indicator: 'cohorts.entered', cell: 'female', value: 1 },
      { indicator: 'cohorts.entered', cell: 'male', value: 2 },
      { indicator: 'cohorts.entered', cell: 'nonbinary', value: 0 },
      { indicator: 'cohorts.entered', cell: 'total', value: 3 },
      { indicator: 'EECO01', cell: 'female', value: 1 },
      { indicator: 'EECO01', cell: 'total', value: 1 },
      { indicator: 'EECO01', cell: 'unknown.female', value: 0 },
      { indicator: 'EECO01', cell: 'unknown.total', value: 0 },
      { indicator: 'EECO12', cell: undefined, value: null },
      { indicator: 'grandTotal', cell: undefined, value: 4 },
    ]);
  });
});

describe('compareFigures', () => {
  it('gives submitted, current and delta per cell, and null where a side is missing', () => {
    const lines = compareFigures(
      { exits: { total: 4, toWork: { shareOfExits: 0.25 } } },
      { exits: { total: 5, toWork: { shareOfExits: 0.2, shareOfReached: 0.1 } } },
    );
    expect(lines.get('exits')).toEqual([
      { indicator: 'exits', cell: 'total', submitted: 4, current: 5, delta: 1 },
    ]);
    expect(lines.get('exits.toWork')).toEqual([
      { indicator: 'exits.toWork', cell: 'shareOfExits', submitted: 0.25, current: 0.2, delta: -0.05 },
      { indicator: 'exits.toWork', cell: 'shareOfReached', submitted: null, current: 0.1, delta: null },
    ]);
  });
});

describe('movedIds', () => {
  it('finds changed, new and gone rows, per column', () => {
    const header = ['participant_id', 'EECR04', 'EECO02'];
    const m = movedIds(
      {
        header,
        rows: [
          ['a', 0, 1],
          ['b', 1, 1],
          ['c', 0, 0],
        ],
      },
      {
        header,
        rows: [
          ['a', 1, 1],
          ['b', 1, 1],
          ['d', null, 1],
        ],
      },
    );
    expect([...m.any].sort()).toEqual(['a', 'c', 'd']);
    expect([...m.byColumn.get('EECR04')!].sort()).toEqual(['a', 'c', 'd']);
    expect([...m.byColumn.get('EECO02')!].sort()).toEqual(['c', 'd']);
  });
});
