-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- LifeDomainsRepository.findByTrajectory()
SELECT
  "LifeDomainEntity"."id" AS "LifeDomainEntity_id",
  "LifeDomainEntity"."partnership_id" AS "LifeDomainEntity_partnership_id",
  "LifeDomainEntity"."trajectory_id" AS "LifeDomainEntity_trajectory_id",
  "LifeDomainEntity"."participant_id" AS "LifeDomainEntity_participant_id",
  "LifeDomainEntity"."domain" AS "LifeDomainEntity_domain",
  "LifeDomainEntity"."severity" AS "LifeDomainEntity_severity",
  "LifeDomainEntity"."note" AS "LifeDomainEntity_note",
  "LifeDomainEntity"."updated_by" AS "LifeDomainEntity_updated_by",
  "LifeDomainEntity"."updated_at" AS "LifeDomainEntity_updated_at"
FROM
  "life_domains" "LifeDomainEntity"
WHERE
  (("LifeDomainEntity"."trajectory_id" = $1));

-- LifeDomainsRepository.replace()
delete from life_domains
where
  trajectory_id = $1
  and domain <> all ($2::text[]);
insert into
  life_domains (
    partnership_id,
    trajectory_id,
    participant_id,
    domain,
    severity,
    note,
    updated_by,
    updated_at
  )
select
  $1,
  $2,
  $3,
  d.domain,
  d.severity,
  d.note,
  $4,
  $5
from
  jsonb_to_recordset($6::jsonb) as d (domain text, severity smallint, note text)
on conflict (trajectory_id, domain) do update
set
  severity = excluded.severity,
  note = excluded.note,
  updated_by = excluded.updated_by,
  updated_at = excluded.updated_at
where
  (life_domains.severity, life_domains.note) is distinct from (excluded.severity, excluded.note);
