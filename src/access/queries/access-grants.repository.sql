-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AccessGrantsRepository.liveScopes()
select
  participant_id,
  scope
from
  access_grants g
where
  g.participant_id = any ($1::uuid[])
  and g.partnership_id = app_tenant ()
  and (
    g.organisation_id = app_org ()
    or g.staff_id = app_user ()
  )
  and g.ended_at is null
  and g.valid_from <= app_now ()
  and (
    g.valid_until is null
    or g.valid_until > app_now ()
  );

-- AccessGrantsRepository.hasLiveGrantBeyondFollowUp()
select
  1
from
  access_grants g
where
  g.participant_id = $1
  and g.partnership_id = app_tenant ()
  and (
    g.organisation_id = app_org ()
    or g.staff_id = app_user ()
  )
  and g.ended_at is null
  and g.valid_from <= app_now ()
  and (
    g.valid_until is null
    or g.valid_until > app_now ()
  )
  and not (
    g.reason = 'referral'
    and g.valid_until is not null
  )
limit
  1;

-- AccessGrantsRepository.grant()
select
  app_grant ($1, $2, $3, $4, $5, $6, $7, $8) as id;

-- AccessGrantsRepository.end()
select
  app_end_grants ($1, $2, $3, $4, $5) as n;

-- AccessGrantsRepository.closeReferralGrants()
select
  app_close_referral_grants ($1, $2) as n;
