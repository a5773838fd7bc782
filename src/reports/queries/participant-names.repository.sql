-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ParticipantNamesRepository.namesOf()
select
  id,
  first_name,
  last_name
from
  participants
where
  id = any ($1::uuid[]);
