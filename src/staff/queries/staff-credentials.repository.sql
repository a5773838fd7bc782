-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- StaffCredentialsRepository.endUnused()
update staff_credential_tokens
set
  used_at = $2
where
  staff_id = $1
  and used_at is null;

-- StaffCredentialsRepository.endUnusedNow()
update staff_credential_tokens
set
  used_at = app_now ()
where
  staff_id = $1
  and used_at is null;

-- StaffCredentialsRepository.insert()
insert into
  staff_credential_tokens (
    partnership_id,
    staff_id,
    purpose,
    token_hash,
    expires_at,
    created_by,
    created_at
  )
values
  ($1, $2, $3, $4, $5, $6, $7);

-- StaffCredentialsRepository.lookup()
select
  *
from
  app_credential_token_lookup ($1);

-- StaffCredentialsRepository.redeem()
with
  u as (
    update staff_credential_tokens
    set
      used_at = app_now ()
    where
      id = $1
      and used_at is null
      and expires_at > app_now ()
    returning
      id
  )
select
  id
from
  u;
