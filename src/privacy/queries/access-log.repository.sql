-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AccessLogRepository.page(page)
select
  count(*)::int as total
from
  audit_events
where
  participant_id = $1;
select
  e.at,
  e.actor_roles,
  o.name as organisation,
  e.action,
  e.resource_type,
  e.scope,
  -- A sealed free-text reason is not a code the log can explain: the grant's reason stands in.
  coalesce(
    case
      when e.reason not like 'sealed:%' then e.reason
    end,
    g.reason
  ) as why
from
  audit_events e
  left join organisations o on o.id = e.actor_organisation_id
  left join lateral (
    select
      g.reason
    from
      access_grants g
    where
      g.participant_id = e.participant_id
      and g.scope = e.scope
      and (
        g.organisation_id = e.actor_organisation_id
        or g.staff_id = e.actor_id
      )
      and g.valid_from <= e.at
      and (
        g.valid_until is null
        or g.valid_until > e.at
      )
      and (
        g.ended_at is null
        or g.ended_at >= e.at
      )
    order by
      g.valid_from desc
    limit
      1
  ) g on true
where
  e.participant_id = $1
order by
  e.at desc,
  e.id desc
limit
  $2
offset
  $3;

-- AccessLogRepository.page(all)
select
  count(*)::int as total
from
  audit_events
where
  participant_id = $1;
select
  e.at,
  e.actor_roles,
  o.name as organisation,
  e.action,
  e.resource_type,
  e.scope,
  -- A sealed free-text reason is not a code the log can explain: the grant's reason stands in.
  coalesce(
    case
      when e.reason not like 'sealed:%' then e.reason
    end,
    g.reason
  ) as why
from
  audit_events e
  left join organisations o on o.id = e.actor_organisation_id
  left join lateral (
    select
      g.reason
    from
      access_grants g
    where
      g.participant_id = e.participant_id
      and g.scope = e.scope
      and (
        g.organisation_id = e.actor_organisation_id
        or g.staff_id = e.actor_id
      )
      and g.valid_from <= e.at
      and (
        g.valid_until is null
        or g.valid_until > e.at
      )
      and (
        g.ended_at is null
        or g.ended_at >= e.at
      )
    order by
      g.valid_from desc
    limit
      1
  ) g on true
where
  e.participant_id = $1
order by
  e.at desc,
  e.id desc
limit
  $2
offset
  $3;
