import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurement instruments as data (issue 6): the Vrijbaan empowerment star, the release scale and the
 * life-domain star are rows, not code, so a partnership can add its own or a new version.
 *
 * partnership_id is NULL for the built-in instruments every partnership reads, or a tenant id for a
 * partnership's own. A version is immutable: the app role gets no UPDATE or DELETE, and a change is a
 * new version (assessments point at the exact version they were scored with).
 *
 * The seed below is written out in full on purpose: a migration must not import application code
 * that may change after it has landed.
 */
export class Instruments1795300200000 implements MigrationInterface {
  name = 'Instruments1795300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table instruments (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid references partnerships(id),
        key text not null check (key ~ '^[a-z][a-z0-9_]{1,49}$'),
        name jsonb not null check (jsonb_typeof(name) = 'object'),
        version integer not null check (version between 1 and 1000),
        dimensions jsonb not null check (
          jsonb_typeof(dimensions) = 'array' and jsonb_array_length(dimensions) between 1 and 20),
        scale_min integer not null,
        scale_max integer not null,
        anchors jsonb check (anchors is null or jsonb_typeof(anchors) = 'array'),
        review_interval_months integer not null default 3 check (review_interval_months between 1 and 24),
        baseline_due_weeks integer not null default 6 check (baseline_due_weeks between 1 and 52),
        progress_threshold numeric(4,2) not null default 1 check (progress_threshold > 0),
        regression_threshold numeric(4,2) not null default -1 check (regression_threshold < 0),
        created_by uuid,
        created_at timestamptz not null default now(),
        check (scale_min >= -100 and scale_max <= 100 and scale_min < scale_max),
        -- Built-ins have no creator; a partnership's own instrument names a staff member of that partnership.
        foreign key (created_by, partnership_id) references staff (id, partnership_id)
      );
      -- One row per key and version per owner. NULL (built-in) is folded to the zero uuid because
      -- a plain unique index treats every NULL as distinct.
      create unique index instruments_key_version_uq on instruments (
        coalesce(partnership_id, '00000000-0000-0000-0000-000000000000'::uuid), key, version);
      create index instruments_partnership_idx on instruments (partnership_id, key, version);
      create index instruments_created_by_idx on instruments (created_by);
    `);

    await q.query(`
      alter table instruments enable row level security;
      alter table instruments force row level security;
      create policy instruments_read on instruments for select
        using (partnership_id is null or partnership_id = app_tenant());
      create policy instruments_write on instruments for insert
        with check (partnership_id = app_tenant());
      -- Only the owner (migrations) may add built-ins; a later migration can ship a new built-in version.
      create policy instruments_builtin_seed on instruments for insert to current_user
        with check (partnership_id is null);
      grant select, insert on instruments to jobteam_app;
    `);

    const empowerment = [
      ['competentie', 'Competentie', 'Competence', 'Weten wat je kunt', 'Knowing what you can do'],
      [
        'zelfbeschikking',
        'Zelfbeschikking',
        'Self-determination',
        'Weten wat je wilt',
        'Knowing what you want',
      ],
      ['impact', 'Impact', 'Impact', 'Je doet mee', 'You take part'],
      ['betekenis', 'Betekenis', 'Meaning', 'Voor jouw belang', 'It matters to you'],
      ['positieve_identiteit', 'Positieve identiteit', 'Positive identity', 'Je bent OK', 'You are OK'],
      [
        'groepsorientatie',
        'Groepsoriëntatie',
        'Group orientation',
        'Je staat er niet alleen voor',
        'You do not stand alone',
      ],
    ].map(([key, nl, en, dnl, den]) => ({ key, label: { nl, en }, description: { nl: dnl, en: den } }));

    const release = [
      {
        key: 'release',
        label: { nl: 'Loslaatschaal', en: 'Release scale' },
        description: { nl: 'Kan de begeleiding losgelaten worden?', en: 'Can the case be let go?' },
      },
    ];

    const lifeDomains = [
      ['work', 'Werk', 'Work'],
      ['income_debt', 'Inkomen en schulden', 'Income and debt'],
      ['housing', 'Wonen', 'Housing'],
      ['health', 'Lichamelijke gezondheid', 'Physical health'],
      ['mental_health', 'Psychisch welzijn', 'Mental health'],
      ['language', 'Taal', 'Language'],
      ['mobility', 'Mobiliteit', 'Mobility'],
      ['childcare_family', 'Kinderopvang en gezin', 'Childcare and family'],
      ['justice', 'Justitie', 'Justice'],
      ['social_network', 'Sociaal netwerk', 'Social network'],
      ['digital', 'Digitale vaardigheden', 'Digital skills'],
      ['education', 'Onderwijs en vorming', 'Education and training'],
      ['residence_status', 'Verblijfsstatus', 'Residence status'],
    ].map(([key, nl, en]) => ({ key, label: { nl, en } }));

    const seeds = [
      ['empowerment', { nl: 'Empowerment (Vrijbaan)', en: 'Empowerment (Vrijbaan)' }, empowerment, 1, 10],
      ['release_scale', { nl: 'Loslaatschaal', en: 'Release scale' }, release, 1, 10],
      ['life_domain_star', { nl: 'Levensdomeinenster', en: 'Life domain star' }, lifeDomains, 1, 5],
    ] as const;
    for (const [key, name, dimensions, min, max] of seeds) {
      await q.query(
        `insert into instruments (partnership_id, key, name, version, dimensions, scale_min, scale_max)
         values (null, $1, $2, 1, $3, $4, $5)`,
        [key, JSON.stringify(name), JSON.stringify(dimensions), min, max],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists instruments`);
  }
}
