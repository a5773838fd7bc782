import { ageAt, classify, codeOf, ESF_INDICATORS, EsfFacts, indicatorByCode } from './esf-indicators';

const facts = (over: Partial<EsfFacts> = {}): EsfFacts => ({
  participant_id: '00000000-0000-4000-8000-000000000001',
  gender: 'female',
  birth_date: '1990-06-15',
  entry_date: '2025-02-01',
  exit_date: null,
  pseudonymised: false,
  entered: true,
  complete: true,
  left_in_period: false,
  left_six_months_before: false,
  labour_status: 'unemployed',
  long_term_unemployed: false,
  education_level: 'isced_3_4',
  third_country_national: false,
  foreign_background: false,
  homeless_or_housing_exclusion: false,
  rural_area: false,
  disability: 'no',
  minority: 'no',
  exit_outcome: null,
  exit_outcome_kind: null,
  situations_upon_leaving: [],
  situations_six_months: [],
  improved_six_months: false,
  ...over,
});
const value = (key: string, f: EsfFacts) => classify(f, indicatorByCode(codeOf(key))!);

describe('the ESF+ indicator table', () => {
  it('holds EECO01–EECO17 and EECR01–EECR06 once each, in code order, each with a definition and a mapping', () => {
    const codes = ESF_INDICATORS.map((i) => i.code);
    const expected = [
      ...Array.from({ length: 17 }, (_, i) => `EECO${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `EECR0${i + 1}`),
    ];
    expect(codes).toEqual(expected);
    for (const i of ESF_INDICATORS) {
      expect(i.name.length).toBeGreaterThan(5);
      expect(i.definition.length).toBeGreaterThan(20);
      expect(i.mapping.length).toBeGreaterThan(10);
    }
    expect(new Set(ESF_INDICATORS.map((i) => i.key)).size).toBe(ESF_INDICATORS.length);
  });

  it('follows the SFC2021 numbering: EECO01 total, EECO02 unemployed, EECO12 disabilities', () => {
    expect(codeOf('total')).toBe('EECO01');
    expect(codeOf('unemployed')).toBe('EECO02');
    expect(codeOf('disability')).toBe('EECO12');
    expect(codeOf('rural')).toBe('EECO17');
    expect(codeOf('better_situation_six_months')).toBe('EECR06');
  });

  it('marks only disability and minority as special categories', () => {
    expect(ESF_INDICATORS.filter((i) => i.specialCategory).map((i) => i.key)).toEqual([
      'disability',
      'minority',
    ]);
  });
});

describe('age at the entry date', () => {
  it.each([
    ['2007-03-10', '2025-03-09', 17],
    ['2007-03-10', '2025-03-10', 18],
    ['1995-03-10', '2025-03-09', 29],
    ['1995-03-10', '2025-03-10', 30],
    ['1970-03-10', '2025-03-09', 54],
    ['1970-03-10', '2025-03-10', 55],
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
  ])('born %s, entering %s, is %i', (birth, entry, age) => {
    expect(ageAt(birth, entry)).toBe(age);
  });

  it('puts the day before the 18th birthday in EECO06 and the birthday itself in EECO07', () => {
    expect(value('below_18', facts({ birth_date: '2007-03-10', entry_date: '2025-03-09' }))).toBe(1);
    expect(value('age_18_29', facts({ birth_date: '2007-03-10', entry_date: '2025-03-09' }))).toBe(0);
    expect(value('below_18', facts({ birth_date: '2007-03-10', entry_date: '2025-03-10' }))).toBe(0);
    expect(value('age_18_29', facts({ birth_date: '2007-03-10', entry_date: '2025-03-10' }))).toBe(1);
  });

  it('keeps 29 in EECO07 until the 30th birthday', () => {
    expect(value('age_18_29', facts({ birth_date: '1995-03-10', entry_date: '2025-03-09' }))).toBe(1);
    expect(value('age_18_29', facts({ birth_date: '1995-03-10', entry_date: '2025-03-10' }))).toBe(0);
  });

  it('counts 55 and over from the 55th birthday on', () => {
    expect(value('age_55_plus', facts({ birth_date: '1970-03-10', entry_date: '2025-03-09' }))).toBe(0);
    expect(value('age_55_plus', facts({ birth_date: '1970-03-10', entry_date: '2025-03-10' }))).toBe(1);
  });
});

describe('employment status at entry', () => {
  it('counts a pupil or student (in_education) as inactive', () => {
    const f = facts({ labour_status: 'in_education' });
    expect(value('inactive', f)).toBe(1);
    expect(value('unemployed', f)).toBe(0);
    expect(value('total', f)).toBe(1);
  });

  it('counts the self-employed as employed', () => {
    expect(value('employed', facts({ labour_status: 'self_employed' }))).toBe(1);
  });

  it('counts the long-term unemployed in both EECO02 and EECO03', () => {
    const f = facts({ labour_status: 'unemployed', long_term_unemployed: true });
    expect([value('unemployed', f), value('long_term_unemployed', f)]).toEqual([1, 1]);
  });

  it('ignores a long-term flag on someone who is not unemployed', () => {
    expect(
      value('long_term_unemployed', facts({ labour_status: 'employed', long_term_unemployed: true })),
    ).toBe(0);
  });

  it('reports an unemployed participant without a long-term flag as unknown for EECO03, not as no', () => {
    expect(
      value('long_term_unemployed', facts({ labour_status: 'unemployed', long_term_unemployed: null })),
    ).toBe('unknown');
  });

  it('leaves a participant without labour status out of the total and reports them as unknown', () => {
    const f = facts({ labour_status: null });
    expect(value('total', f)).toBe('unknown');
    expect(value('unemployed', f)).toBe('unknown');
    expect(value('inactive', f)).toBe('unknown');
    expect(value('employed', f)).toBe('unknown');
  });

  it('makes the total the sum of the three employment statuses for every status', () => {
    for (const s of ['unemployed', 'inactive', 'in_education', 'employed', 'self_employed'] as const) {
      const f = facts({ labour_status: s });
      const sum = ['unemployed', 'inactive', 'employed'].reduce((n, k) => n + Number(value(k, f) === 1), 0);
      expect([s, sum]).toEqual([s, value('total', f)]);
    }
  });
});

describe('special categories and other entry data', () => {
  it("counts 'declined' as unknown, never as no", () => {
    expect(value('disability', facts({ disability: 'declined' }))).toBe('unknown');
    expect(value('minority', facts({ minority: 'declined' }))).toBe('unknown');
    expect(value('disability', facts({ disability: null }))).toBe('unknown');
    expect(value('disability', facts({ disability: 'no' }))).toBe(0);
    expect(value('disability', facts({ disability: 'yes' }))).toBe(1);
  });

  it('reports a missing education level or yes/no field as unknown', () => {
    expect(value('isced_0_2', facts({ education_level: null }))).toBe('unknown');
    expect(value('third_country_national', facts({ third_country_national: null }))).toBe('unknown');
    expect(value('homeless', facts({ homeless_or_housing_exclusion: true }))).toBe(1);
  });

  it('gives no output value to a participant who did not enter in the period', () => {
    expect(value('total', facts({ entered: false, left_in_period: true }))).toBeNull();
  });
});

describe('results upon leaving and six months later', () => {
  const leaver = (over: Partial<EsfFacts>) =>
    facts({ entered: false, left_in_period: true, exit_date: '2025-03-01', ...over });

  it("counts a closing outcome 'work' as in employment upon leaving, without a follow-up", () => {
    expect(value('employed_upon_leaving', leaver({ exit_outcome: 'work' }))).toBe(1);
  });

  it("counts a closing outcome 'education' as in education or training upon leaving", () => {
    expect(value('education_upon_leaving', leaver({ exit_outcome: 'education' }))).toBe(1);
  });

  it('needs a follow-up for job searching and for a qualification', () => {
    expect(
      value(
        'job_searching_upon_leaving',
        leaver({ exit_outcome: 'regular_activation', exit_outcome_kind: 'vdab' }),
      ),
    ).toBe(0);
    expect(value('job_searching_upon_leaving', leaver({ situations_upon_leaving: ['job_searching'] }))).toBe(
      1,
    );
    expect(
      value('qualification_upon_leaving', leaver({ situations_upon_leaving: ['qualification', 'employed'] })),
    ).toBe(1);
    expect(value('employed_upon_leaving', leaver({ situations_upon_leaving: ['self_employed'] }))).toBe(1);
  });

  it('counts six-month results only for those who left six months before the period', () => {
    const f = leaver({
      left_in_period: false,
      left_six_months_before: true,
      situations_six_months: ['employed'],
    });
    expect(value('employed_six_months', f)).toBe(1);
    expect(value('employed_upon_leaving', f)).toBeNull();
  });

  it('counts a better situation only for participants employed at entry', () => {
    const base = { left_in_period: false, left_six_months_before: true, improved_six_months: true };
    expect(value('better_situation_six_months', leaver({ ...base, labour_status: 'employed' }))).toBe(1);
    expect(value('better_situation_six_months', leaver({ ...base, labour_status: 'unemployed' }))).toBe(0);
  });

  it('keeps a participant with incomplete entry data out of every indicator, outputs and results alike', () => {
    const incomplete = facts({ complete: false, left_in_period: true, left_six_months_before: true });
    for (const i of ESF_INDICATORS) expect(classify(incomplete, i)).toBeNull();
  });
});
