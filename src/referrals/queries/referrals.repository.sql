-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ReferralsRepository.create()
INSERT INTO
  "referrals" (
    "id",
    "partnership_id",
    "direction",
    "target",
    "kind",
    "state",
    "participant_id",
    "trajectory_id",
    "person",
    "person_insz_encrypted",
    "note",
    "sender_organisation_id",
    "target_organisation_id",
    "assigned_spoc_id",
    "due_at",
    "submitted_at",
    "closed_at",
    "created_by",
    "version",
    "created_at",
    "updated_at"
  )
VALUES
  (
    DEFAULT,
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7,
    $8,
    $9,
    $10,
    $11,
    $12,
    $13,
    $14,
    $15,
    $16,
    $17,
    $18,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at",
  "updated_at";

-- ReferralsRepository.find()
SELECT
  "ReferralEntity"."id" AS "ReferralEntity_id",
  "ReferralEntity"."partnership_id" AS "ReferralEntity_partnership_id",
  "ReferralEntity"."direction" AS "ReferralEntity_direction",
  "ReferralEntity"."target" AS "ReferralEntity_target",
  "ReferralEntity"."kind" AS "ReferralEntity_kind",
  "ReferralEntity"."state" AS "ReferralEntity_state",
  "ReferralEntity"."participant_id" AS "ReferralEntity_participant_id",
  "ReferralEntity"."trajectory_id" AS "ReferralEntity_trajectory_id",
  "ReferralEntity"."person" AS "ReferralEntity_person",
  "ReferralEntity"."person_insz_encrypted" AS "ReferralEntity_person_insz_encrypted",
  "ReferralEntity"."note" AS "ReferralEntity_note",
  "ReferralEntity"."sender_organisation_id" AS "ReferralEntity_sender_organisation_id",
  "ReferralEntity"."target_organisation_id" AS "ReferralEntity_target_organisation_id",
  "ReferralEntity"."assigned_spoc_id" AS "ReferralEntity_assigned_spoc_id",
  "ReferralEntity"."due_at" AS "ReferralEntity_due_at",
  "ReferralEntity"."submitted_at" AS "ReferralEntity_submitted_at",
  "ReferralEntity"."closed_at" AS "ReferralEntity_closed_at",
  "ReferralEntity"."created_by" AS "ReferralEntity_created_by",
  "ReferralEntity"."version" AS "ReferralEntity_version",
  "ReferralEntity"."created_at" AS "ReferralEntity_created_at",
  "ReferralEntity"."updated_at" AS "ReferralEntity_updated_at"
FROM
  "referrals" "ReferralEntity"
WHERE
  (("ReferralEntity"."id" = $1))
LIMIT
  1;

-- ReferralsRepository.findByIds()
SELECT
  "ReferralEntity"."id" AS "ReferralEntity_id",
  "ReferralEntity"."partnership_id" AS "ReferralEntity_partnership_id",
  "ReferralEntity"."direction" AS "ReferralEntity_direction",
  "ReferralEntity"."target" AS "ReferralEntity_target",
  "ReferralEntity"."kind" AS "ReferralEntity_kind",
  "ReferralEntity"."state" AS "ReferralEntity_state",
  "ReferralEntity"."participant_id" AS "ReferralEntity_participant_id",
  "ReferralEntity"."trajectory_id" AS "ReferralEntity_trajectory_id",
  "ReferralEntity"."person" AS "ReferralEntity_person",
  "ReferralEntity"."person_insz_encrypted" AS "ReferralEntity_person_insz_encrypted",
  "ReferralEntity"."note" AS "ReferralEntity_note",
  "ReferralEntity"."sender_organisation_id" AS "ReferralEntity_sender_organisation_id",
  "ReferralEntity"."target_organisation_id" AS "ReferralEntity_target_organisation_id",
  "ReferralEntity"."assigned_spoc_id" AS "ReferralEntity_assigned_spoc_id",
  "ReferralEntity"."due_at" AS "ReferralEntity_due_at",
  "ReferralEntity"."submitted_at" AS "ReferralEntity_submitted_at",
  "ReferralEntity"."closed_at" AS "ReferralEntity_closed_at",
  "ReferralEntity"."created_by" AS "ReferralEntity_created_by",
  "ReferralEntity"."version" AS "ReferralEntity_version",
  "ReferralEntity"."created_at" AS "ReferralEntity_created_at",
  "ReferralEntity"."updated_at" AS "ReferralEntity_updated_at"
FROM
  "referrals" "ReferralEntity"
WHERE
  (("ReferralEntity"."id" IN ($1)));

-- ReferralsRepository.openAssignedTo()
SELECT
  "ReferralEntity"."id" AS "ReferralEntity_id",
  "ReferralEntity"."partnership_id" AS "ReferralEntity_partnership_id",
  "ReferralEntity"."direction" AS "ReferralEntity_direction",
  "ReferralEntity"."target" AS "ReferralEntity_target",
  "ReferralEntity"."kind" AS "ReferralEntity_kind",
  "ReferralEntity"."state" AS "ReferralEntity_state",
  "ReferralEntity"."participant_id" AS "ReferralEntity_participant_id",
  "ReferralEntity"."trajectory_id" AS "ReferralEntity_trajectory_id",
  "ReferralEntity"."person" AS "ReferralEntity_person",
  "ReferralEntity"."person_insz_encrypted" AS "ReferralEntity_person_insz_encrypted",
  "ReferralEntity"."note" AS "ReferralEntity_note",
  "ReferralEntity"."sender_organisation_id" AS "ReferralEntity_sender_organisation_id",
  "ReferralEntity"."target_organisation_id" AS "ReferralEntity_target_organisation_id",
  "ReferralEntity"."assigned_spoc_id" AS "ReferralEntity_assigned_spoc_id",
  "ReferralEntity"."due_at" AS "ReferralEntity_due_at",
  "ReferralEntity"."submitted_at" AS "ReferralEntity_submitted_at",
  "ReferralEntity"."closed_at" AS "ReferralEntity_closed_at",
  "ReferralEntity"."created_by" AS "ReferralEntity_created_by",
  "ReferralEntity"."version" AS "ReferralEntity_version",
  "ReferralEntity"."created_at" AS "ReferralEntity_created_at",
  "ReferralEntity"."updated_at" AS "ReferralEntity_updated_at"
FROM
  "referrals" "ReferralEntity"
WHERE
  (
    ("ReferralEntity"."assigned_spoc_id" = $1)
    AND ("ReferralEntity"."state" IN ($2, $3, $4))
  )
ORDER BY
  "ReferralEntity"."due_at" ASC,
  "ReferralEntity"."id" ASC
LIMIT
  100;

-- ReferralsRepository.inbox(organisation)
SELECT
  "r"."state" AS "state",
  count(*)::int AS "n",
  count(*) filter (
    where
      "r"."state" in ($1, $2, $3)
      and "r"."due_at" < app_now ()
  )::int AS "overdue"
FROM
  "referrals" "r"
WHERE
  (
    "r"."sender_organisation_id" = $4
    or "r"."target_organisation_id" = $4
  )
GROUP BY
  "r"."state";
SELECT
  "r"."id" AS "r_id",
  "r"."partnership_id" AS "r_partnership_id",
  "r"."direction" AS "r_direction",
  "r"."target" AS "r_target",
  "r"."kind" AS "r_kind",
  "r"."state" AS "r_state",
  "r"."participant_id" AS "r_participant_id",
  "r"."trajectory_id" AS "r_trajectory_id",
  "r"."person" AS "r_person",
  "r"."person_insz_encrypted" AS "r_person_insz_encrypted",
  "r"."note" AS "r_note",
  "r"."sender_organisation_id" AS "r_sender_organisation_id",
  "r"."target_organisation_id" AS "r_target_organisation_id",
  "r"."assigned_spoc_id" AS "r_assigned_spoc_id",
  "r"."due_at" AS "r_due_at",
  "r"."submitted_at" AS "r_submitted_at",
  "r"."closed_at" AS "r_closed_at",
  "r"."created_by" AS "r_created_by",
  "r"."version" AS "r_version",
  "r"."created_at" AS "r_created_at",
  "r"."updated_at" AS "r_updated_at",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then 0
    else 1
  end AS "closed_rank",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then "r"."due_at"
  end AS "open_due"
FROM
  "referrals" "r"
WHERE
  (
    "r"."sender_organisation_id" = $1
    or "r"."target_organisation_id" = $1
  )
ORDER BY
  "closed_rank" ASC,
  "open_due" ASC,
  "r"."due_at" DESC,
  "r"."id" ASC
LIMIT
  20
OFFSET
  0;

-- ReferralsRepository.inbox(team, overdue)
SELECT
  "r"."state" AS "state",
  count(*)::int AS "n",
  count(*) filter (
    where
      "r"."state" in ($1, $2, $3)
      and "r"."due_at" < app_now ()
  )::int AS "overdue"
FROM
  "referrals" "r"
WHERE
  "r"."assigned_spoc_id" in (
    select
      s.id
    from
      staff s
    where
      s.team_id = $4
  )
  AND "r"."direction" = $5
GROUP BY
  "r"."state";
SELECT
  "r"."id" AS "r_id",
  "r"."partnership_id" AS "r_partnership_id",
  "r"."direction" AS "r_direction",
  "r"."target" AS "r_target",
  "r"."kind" AS "r_kind",
  "r"."state" AS "r_state",
  "r"."participant_id" AS "r_participant_id",
  "r"."trajectory_id" AS "r_trajectory_id",
  "r"."person" AS "r_person",
  "r"."person_insz_encrypted" AS "r_person_insz_encrypted",
  "r"."note" AS "r_note",
  "r"."sender_organisation_id" AS "r_sender_organisation_id",
  "r"."target_organisation_id" AS "r_target_organisation_id",
  "r"."assigned_spoc_id" AS "r_assigned_spoc_id",
  "r"."due_at" AS "r_due_at",
  "r"."submitted_at" AS "r_submitted_at",
  "r"."closed_at" AS "r_closed_at",
  "r"."created_by" AS "r_created_by",
  "r"."version" AS "r_version",
  "r"."created_at" AS "r_created_at",
  "r"."updated_at" AS "r_updated_at",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then 0
    else 1
  end AS "closed_rank",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then "r"."due_at"
  end AS "open_due"
FROM
  "referrals" "r"
WHERE
  "r"."assigned_spoc_id" in (
    select
      s.id
    from
      staff s
    where
      s.team_id = $1
  )
  AND "r"."direction" = $2
  AND "r"."state" = $3
  AND "r"."state" in ($4, $5, $6)
  and "r"."due_at" < app_now ()
ORDER BY
  "closed_rank" ASC,
  "open_due" ASC,
  "r"."due_at" DESC,
  "r"."id" ASC
LIMIT
  20
OFFSET
  0;

-- ReferralsRepository.inbox(mine, not overdue)
SELECT
  "r"."state" AS "state",
  count(*)::int AS "n",
  count(*) filter (
    where
      "r"."state" in ($1, $2, $3)
      and "r"."due_at" < app_now ()
  )::int AS "overdue"
FROM
  "referrals" "r"
WHERE
  "r"."assigned_spoc_id" = $4
  AND "r"."participant_id" = $5
  AND "r"."assigned_spoc_id" = $6
GROUP BY
  "r"."state";
SELECT
  "r"."id" AS "r_id",
  "r"."partnership_id" AS "r_partnership_id",
  "r"."direction" AS "r_direction",
  "r"."target" AS "r_target",
  "r"."kind" AS "r_kind",
  "r"."state" AS "r_state",
  "r"."participant_id" AS "r_participant_id",
  "r"."trajectory_id" AS "r_trajectory_id",
  "r"."person" AS "r_person",
  "r"."person_insz_encrypted" AS "r_person_insz_encrypted",
  "r"."note" AS "r_note",
  "r"."sender_organisation_id" AS "r_sender_organisation_id",
  "r"."target_organisation_id" AS "r_target_organisation_id",
  "r"."assigned_spoc_id" AS "r_assigned_spoc_id",
  "r"."due_at" AS "r_due_at",
  "r"."submitted_at" AS "r_submitted_at",
  "r"."closed_at" AS "r_closed_at",
  "r"."created_by" AS "r_created_by",
  "r"."version" AS "r_version",
  "r"."created_at" AS "r_created_at",
  "r"."updated_at" AS "r_updated_at",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then 0
    else 1
  end AS "closed_rank",
  case
    when "r"."state" in ('submitted', 'accepted', 'in_progress') then "r"."due_at"
  end AS "open_due"
FROM
  "referrals" "r"
WHERE
  "r"."assigned_spoc_id" = $1
  AND "r"."participant_id" = $2
  AND "r"."assigned_spoc_id" = $3
  AND not (
    "r"."state" in ($4, $5, $6)
    and "r"."due_at" < app_now ()
  )
ORDER BY
  "closed_rank" ASC,
  "open_due" ASC,
  "r"."due_at" DESC,
  "r"."id" ASC
LIMIT
  20
OFFSET
  0;

-- ReferralsRepository.updateVersioned()
UPDATE "referrals"
SET
  "state" = $1,
  "assigned_spoc_id" = $2,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $3
  and "version" = $4;
select
  "id",
  "partnership_id",
  "direction",
  "target",
  "kind",
  "state",
  "participant_id",
  "trajectory_id",
  "person",
  "person_insz_encrypted",
  "note",
  "sender_organisation_id",
  "target_organisation_id",
  "assigned_spoc_id",
  "due_at",
  "submitted_at",
  "closed_at",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "referrals"
where
  "id" = $1;

-- ReferralsRepository.transitionsOf()
SELECT
  "ReferralTransitionEntity"."id" AS "ReferralTransitionEntity_id",
  "ReferralTransitionEntity"."partnership_id" AS "ReferralTransitionEntity_partnership_id",
  "ReferralTransitionEntity"."referral_id" AS "ReferralTransitionEntity_referral_id",
  "ReferralTransitionEntity"."from_state" AS "ReferralTransitionEntity_from_state",
  "ReferralTransitionEntity"."to_state" AS "ReferralTransitionEntity_to_state",
  "ReferralTransitionEntity"."reason" AS "ReferralTransitionEntity_reason",
  "ReferralTransitionEntity"."note" AS "ReferralTransitionEntity_note",
  "ReferralTransitionEntity"."actor_id" AS "ReferralTransitionEntity_actor_id",
  "ReferralTransitionEntity"."actor_organisation_id" AS "ReferralTransitionEntity_actor_organisation_id",
  "ReferralTransitionEntity"."at" AS "ReferralTransitionEntity_at"
FROM
  "referral_transitions" "ReferralTransitionEntity"
WHERE
  (("ReferralTransitionEntity"."referral_id" = $1))
ORDER BY
  "ReferralTransitionEntity"."at" ASC,
  "ReferralTransitionEntity"."id" ASC;

-- ReferralsRepository.insertTransition()
INSERT INTO
  "referral_transitions" (
    "id",
    "partnership_id",
    "referral_id",
    "from_state",
    "to_state",
    "reason",
    "note",
    "actor_id",
    "actor_organisation_id",
    "at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING
  "id";
