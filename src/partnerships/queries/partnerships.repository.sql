-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- PartnershipsRepository.find()
select
  "id",
  "name",
  "created_at"
from
  "partnerships"
where
  "id" = $1;
