import { ESF_INDICATORS } from '../esf-indicators';
import { localiseDefinitions, localiseSheets, reportText } from './localise';

describe('report texts in Dutch', () => {
  it('has a Dutch definition for every ESF+ indicator as it is written today', () => {
    const missing = ESF_INDICATORS.filter((i) => reportText(i.definition, 'nl') === i.definition).map(
      (i) => i.code,
    );
    expect(missing).toEqual([]);
  });

  it('keeps an unknown (reworded) text in English rather than show a stale translation', () => {
    expect(reportText('A brand new rule.', 'nl')).toBe('A brand new rule.');
  });

  it('translates texts with a number in them', () => {
    expect(
      reportText(
        "Every baseline or review makes the next review due 3 calendar months later, as on the trajectory's calendar. A review belongs to the quarter in which it fell due. due: reviews due in the quarter (and already past) while the trajectory was open and had no exit assessment. onTime: the next baseline or review was taken at or before the due moment; late: the others (due - onTime), whether taken later or not at all. outstanding: reviews that fell due in an earlier quarter and are still not taken at the quarter end (or now): they stay outstanding in every later quarter until taken, until an exit assessment, or until the trajectory closes.",
        'nl',
      ),
    ).toMatch(/^Elke nul- of tussenmeting maakt de volgende tussenmeting 3 kalendermaanden later/);
  });

  it('localises definitions at any depth and leaves other strings alone', () => {
    const r = {
      duration: {
        definition: 'Days from sign-up to closing, for trajectories closed in the quarter.',
        outcome: 'work',
      },
      list: [{ definition: 'x' }],
    };
    expect(localiseDefinitions(r, 'nl')).toEqual({
      duration: {
        definition:
          'Dagen van aanmelding tot afsluiting, voor trajecten die in het kwartaal werden afgesloten.',
        outcome: 'work',
      },
      list: [{ definition: 'x' }],
    });
    expect(localiseDefinitions(r, 'en')).toBe(r);
  });

  it('localises sheet names, headers and row labels, never data cells', () => {
    const [s] = localiseSheets(
      [
        {
          name: 'Exits',
          rows: [['outcome', 'exits'], ['work', 3], ['total', 3], [], ['definition', 'total']],
        },
      ],
      'nl',
    );
    expect(s).toEqual({
      name: 'Uitstroom',
      rows: [['resultaat', 'uitstroom'], ['work', 3], ['totaal', 3], [], ['definitie', 'total']],
    });
  });
});
