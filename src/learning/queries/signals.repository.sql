-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- SignalsRepository.hiddenNamesIn()
select
  a,
  b
from
  app_signal_names_in ($1);

-- SignalsRepository.insert()
INSERT INTO
  "signals" (
    "id",
    "partnership_id",
    "category",
    "text",
    "author_id",
    "author_organisation_id",
    "created_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6)
RETURNING
  "id",
  "created_at";

-- SignalsRepository.quarter()
select
  s.id,
  s.category,
  s.text,
  o.name as organisation,
  s.created_at
from
  signals s
  join organisations o on o.id = s.author_organisation_id
where
  s.partnership_id = app_tenant ()
  and s.created_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and s.created_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
order by
  s.category,
  s.created_at,
  s.id;
