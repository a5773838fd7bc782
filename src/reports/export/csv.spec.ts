import { csvCell, csvLine, parseCsv } from './csv';

describe('CSV encoding', () => {
  it('leaves plain values alone and writes numbers and booleans as such', () => {
    expect(csvLine(['abc', 12, -3, 0, true, null, undefined, ''])).toBe('abc,12,-3,0,true,,,\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+32 470', "'+32 470"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a text cell that a spreadsheet would run as a formula: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('does not touch a formula character in the middle, or a negative number', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
  });

  it('parses what it writes back to the same strings', () => {
    const rows = [
      ['id', 'name', 'note'],
      ['1', 'De Smet, Jan', 'zei "ja"\nen ging'],
      ['2', '', 'gewoon'],
    ];
    const text = rows.map(csvLine).join('');
    expect(parseCsv(text)).toEqual(rows);
  });
});
