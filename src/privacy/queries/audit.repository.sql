-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AuditRepository.record()
select
  app_audit_record ($1, $2::jsonb);

-- AuditRepository.sealTenant()
select
  app_audit_seal (app_tenant ());

-- AuditRepository.sealAll()
set
  local lock_timeout = '2s';
select
  *
from
  app_audit_seal_all ();

-- AuditRepository.storeCheckpoint()
select
  app_audit_checkpoint ($1, $2, $3, $4, $5, $6);

-- AuditRepository.search(all)
select
  count(*)::int as total
from
  audit_events e
where
  e.partnership_id = app_tenant ();
select
  e.id,
  e.at,
  e.actor_id,
  s.name as actor_name,
  e.actor_roles,
  e.actor_organisation_id,
  o.name as actor_organisation_name,
  e.action,
  e.resource_type,
  e.resource_id,
  e.participant_id,
  e.scope,
  e.request_id,
  e.chain_seq,
  e.hash,
  -- A sealed (free-text) reason in clear, or '[erased]' once its participant was pseudonymised.
  case
    when e.reason like 'sealed:%' then (
      select
        r.reason
      from
        app_audit_reveal (e.id) r
    )
    else e.reason
  end as reason
from
  audit_events e
  left join staff s on s.id = e.actor_id
  left join organisations o on o.id = e.actor_organisation_id
where
  e.partnership_id = app_tenant ()
order by
  e.at desc,
  e.id desc
limit
  $1
offset
  $2;

-- AuditRepository.search(filtered)
select
  count(*)::int as total
from
  audit_events e
where
  e.partnership_id = app_tenant ()
  and e.participant_id = $1
  and e.actor_id = $2
  and e.actor_organisation_id = $3
  and e.action = $4
  and e.at >= $5::timestamptz
  and e.at < $6::timestamptz;
select
  e.id,
  e.at,
  e.actor_id,
  s.name as actor_name,
  e.actor_roles,
  e.actor_organisation_id,
  o.name as actor_organisation_name,
  e.action,
  e.resource_type,
  e.resource_id,
  e.participant_id,
  e.scope,
  e.request_id,
  e.chain_seq,
  e.hash,
  -- A sealed (free-text) reason in clear, or '[erased]' once its participant was pseudonymised.
  case
    when e.reason like 'sealed:%' then (
      select
        r.reason
      from
        app_audit_reveal (e.id) r
    )
    else e.reason
  end as reason
from
  audit_events e
  left join staff s on s.id = e.actor_id
  left join organisations o on o.id = e.actor_organisation_id
where
  e.partnership_id = app_tenant ()
  and e.participant_id = $1
  and e.actor_id = $2
  and e.actor_organisation_id = $3
  and e.action = $4
  and e.at >= $5::timestamptz
  and e.at < $6::timestamptz
order by
  e.at desc,
  e.id desc
limit
  $7
offset
  $8;
