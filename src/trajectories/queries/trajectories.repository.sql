-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- TrajectoriesRepository.find()
select
  "id",
  "partnership_id",
  "participant_id",
  "previous_trajectory_id",
  "status",
  "referral_channel",
  "referrer",
  "owner_organisation_id",
  "case_manager_id",
  "team_id",
  "started_at",
  "intake_at",
  "guidance_started_at",
  "aftercare_at",
  "closed_at",
  "outcome",
  "outcome_kind",
  "persona_id",
  "version",
  "created_at",
  "updated_at"
from
  "trajectories"
where
  "id" = $1;

-- TrajectoriesRepository.findByIds()
SELECT
  "TrajectoryEntity"."id" AS "TrajectoryEntity_id",
  "TrajectoryEntity"."partnership_id" AS "TrajectoryEntity_partnership_id",
  "TrajectoryEntity"."participant_id" AS "TrajectoryEntity_participant_id",
  "TrajectoryEntity"."previous_trajectory_id" AS "TrajectoryEntity_previous_trajectory_id",
  "TrajectoryEntity"."status" AS "TrajectoryEntity_status",
  "TrajectoryEntity"."referral_channel" AS "TrajectoryEntity_referral_channel",
  "TrajectoryEntity"."referrer" AS "TrajectoryEntity_referrer",
  "TrajectoryEntity"."owner_organisation_id" AS "TrajectoryEntity_owner_organisation_id",
  "TrajectoryEntity"."case_manager_id" AS "TrajectoryEntity_case_manager_id",
  "TrajectoryEntity"."team_id" AS "TrajectoryEntity_team_id",
  "TrajectoryEntity"."started_at" AS "TrajectoryEntity_started_at",
  "TrajectoryEntity"."intake_at" AS "TrajectoryEntity_intake_at",
  "TrajectoryEntity"."guidance_started_at" AS "TrajectoryEntity_guidance_started_at",
  "TrajectoryEntity"."aftercare_at" AS "TrajectoryEntity_aftercare_at",
  "TrajectoryEntity"."closed_at" AS "TrajectoryEntity_closed_at",
  "TrajectoryEntity"."outcome" AS "TrajectoryEntity_outcome",
  "TrajectoryEntity"."outcome_kind" AS "TrajectoryEntity_outcome_kind",
  "TrajectoryEntity"."persona_id" AS "TrajectoryEntity_persona_id",
  "TrajectoryEntity"."version" AS "TrajectoryEntity_version",
  "TrajectoryEntity"."created_at" AS "TrajectoryEntity_created_at",
  "TrajectoryEntity"."updated_at" AS "TrajectoryEntity_updated_at"
FROM
  "trajectories" "TrajectoryEntity"
WHERE
  (("TrajectoryEntity"."id" IN ($1)));

-- TrajectoriesRepository.findLatestOfParticipant()
SELECT
  "TrajectoryEntity"."id" AS "TrajectoryEntity_id",
  "TrajectoryEntity"."partnership_id" AS "TrajectoryEntity_partnership_id",
  "TrajectoryEntity"."participant_id" AS "TrajectoryEntity_participant_id",
  "TrajectoryEntity"."previous_trajectory_id" AS "TrajectoryEntity_previous_trajectory_id",
  "TrajectoryEntity"."status" AS "TrajectoryEntity_status",
  "TrajectoryEntity"."referral_channel" AS "TrajectoryEntity_referral_channel",
  "TrajectoryEntity"."referrer" AS "TrajectoryEntity_referrer",
  "TrajectoryEntity"."owner_organisation_id" AS "TrajectoryEntity_owner_organisation_id",
  "TrajectoryEntity"."case_manager_id" AS "TrajectoryEntity_case_manager_id",
  "TrajectoryEntity"."team_id" AS "TrajectoryEntity_team_id",
  "TrajectoryEntity"."started_at" AS "TrajectoryEntity_started_at",
  "TrajectoryEntity"."intake_at" AS "TrajectoryEntity_intake_at",
  "TrajectoryEntity"."guidance_started_at" AS "TrajectoryEntity_guidance_started_at",
  "TrajectoryEntity"."aftercare_at" AS "TrajectoryEntity_aftercare_at",
  "TrajectoryEntity"."closed_at" AS "TrajectoryEntity_closed_at",
  "TrajectoryEntity"."outcome" AS "TrajectoryEntity_outcome",
  "TrajectoryEntity"."outcome_kind" AS "TrajectoryEntity_outcome_kind",
  "TrajectoryEntity"."persona_id" AS "TrajectoryEntity_persona_id",
  "TrajectoryEntity"."version" AS "TrajectoryEntity_version",
  "TrajectoryEntity"."created_at" AS "TrajectoryEntity_created_at",
  "TrajectoryEntity"."updated_at" AS "TrajectoryEntity_updated_at"
FROM
  "trajectories" "TrajectoryEntity"
WHERE
  (("TrajectoryEntity"."participant_id" = $1))
ORDER BY
  "TrajectoryEntity"."started_at" DESC
LIMIT
  1;

-- TrajectoriesRepository.findByParticipant()
SELECT
  "TrajectoryEntity"."id" AS "TrajectoryEntity_id",
  "TrajectoryEntity"."partnership_id" AS "TrajectoryEntity_partnership_id",
  "TrajectoryEntity"."participant_id" AS "TrajectoryEntity_participant_id",
  "TrajectoryEntity"."previous_trajectory_id" AS "TrajectoryEntity_previous_trajectory_id",
  "TrajectoryEntity"."status" AS "TrajectoryEntity_status",
  "TrajectoryEntity"."referral_channel" AS "TrajectoryEntity_referral_channel",
  "TrajectoryEntity"."referrer" AS "TrajectoryEntity_referrer",
  "TrajectoryEntity"."owner_organisation_id" AS "TrajectoryEntity_owner_organisation_id",
  "TrajectoryEntity"."case_manager_id" AS "TrajectoryEntity_case_manager_id",
  "TrajectoryEntity"."team_id" AS "TrajectoryEntity_team_id",
  "TrajectoryEntity"."started_at" AS "TrajectoryEntity_started_at",
  "TrajectoryEntity"."intake_at" AS "TrajectoryEntity_intake_at",
  "TrajectoryEntity"."guidance_started_at" AS "TrajectoryEntity_guidance_started_at",
  "TrajectoryEntity"."aftercare_at" AS "TrajectoryEntity_aftercare_at",
  "TrajectoryEntity"."closed_at" AS "TrajectoryEntity_closed_at",
  "TrajectoryEntity"."outcome" AS "TrajectoryEntity_outcome",
  "TrajectoryEntity"."outcome_kind" AS "TrajectoryEntity_outcome_kind",
  "TrajectoryEntity"."persona_id" AS "TrajectoryEntity_persona_id",
  "TrajectoryEntity"."version" AS "TrajectoryEntity_version",
  "TrajectoryEntity"."created_at" AS "TrajectoryEntity_created_at",
  "TrajectoryEntity"."updated_at" AS "TrajectoryEntity_updated_at"
FROM
  "trajectories" "TrajectoryEntity"
WHERE
  (("TrajectoryEntity"."participant_id" = $1))
ORDER BY
  "TrajectoryEntity"."started_at" ASC,
  "TrajectoryEntity"."id" ASC;

-- TrajectoriesRepository.latestOpenStartOf()
select
  max(t.started_at) as started_at
from
  trajectories t
where
  t.participant_id = $1
  and t.closed_at is null;

-- TrajectoriesRepository.lifeDomainsVersion()
select
  life_domains_version as v
from
  trajectories
where
  id = $1;

-- TrajectoriesRepository.claimLifeDomainsVersion()
with
  u as (
    update trajectories
    set
      life_domains_version = life_domains_version + 1
    where
      id = $1
      and life_domains_version = $2
    returning
      life_domains_version
  )
select
  life_domains_version as v
from
  u;

-- TrajectoriesRepository.closedIdsOfParticipant()
SELECT
  "TrajectoryEntity"."id" AS "TrajectoryEntity_id"
FROM
  "trajectories" "TrajectoryEntity"
WHERE
  (
    ("TrajectoryEntity"."participant_id" = $1)
    AND ("TrajectoryEntity"."status" = $2)
  );

-- TrajectoriesRepository.create()
INSERT INTO
  "trajectories" (
    "id",
    "partnership_id",
    "participant_id",
    "previous_trajectory_id",
    "status",
    "referral_channel",
    "referrer",
    "owner_organisation_id",
    "case_manager_id",
    "team_id",
    "started_at",
    "intake_at",
    "guidance_started_at",
    "aftercare_at",
    "closed_at",
    "outcome",
    "outcome_kind",
    "persona_id",
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
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    $11,
    $12,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at",
  "updated_at";

-- TrajectoriesRepository.updateVersioned()
UPDATE "trajectories"
SET
  "status" = $1,
  "intake_at" = $2,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $3
  and "version" = $4;
select
  "id",
  "partnership_id",
  "participant_id",
  "previous_trajectory_id",
  "status",
  "referral_channel",
  "referrer",
  "owner_organisation_id",
  "case_manager_id",
  "team_id",
  "started_at",
  "intake_at",
  "guidance_started_at",
  "aftercare_at",
  "closed_at",
  "outcome",
  "outcome_kind",
  "persona_id",
  "version",
  "created_at",
  "updated_at"
from
  "trajectories"
where
  "id" = $1;

-- TrajectoriesRepository.setOwner()
UPDATE "trajectories"
SET
  "owner_organisation_id" = $1,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $2;

-- TrajectoriesRepository.lastTransition()
SELECT
  "TrajectoryTransitionEntity"."id" AS "TrajectoryTransitionEntity_id",
  "TrajectoryTransitionEntity"."partnership_id" AS "TrajectoryTransitionEntity_partnership_id",
  "TrajectoryTransitionEntity"."trajectory_id" AS "TrajectoryTransitionEntity_trajectory_id",
  "TrajectoryTransitionEntity"."participant_id" AS "TrajectoryTransitionEntity_participant_id",
  "TrajectoryTransitionEntity"."from_status" AS "TrajectoryTransitionEntity_from_status",
  "TrajectoryTransitionEntity"."to_status" AS "TrajectoryTransitionEntity_to_status",
  "TrajectoryTransitionEntity"."at" AS "TrajectoryTransitionEntity_at",
  "TrajectoryTransitionEntity"."outcome" AS "TrajectoryTransitionEntity_outcome",
  "TrajectoryTransitionEntity"."note" AS "TrajectoryTransitionEntity_note",
  "TrajectoryTransitionEntity"."actor_id" AS "TrajectoryTransitionEntity_actor_id"
FROM
  "trajectory_transitions" "TrajectoryTransitionEntity"
WHERE
  (
    ("TrajectoryTransitionEntity"."trajectory_id" = $1)
  )
ORDER BY
  "TrajectoryTransitionEntity"."at" DESC
LIMIT
  1;

-- TrajectoriesRepository.insertTransition()
INSERT INTO
  "trajectory_transitions" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "from_status",
    "to_status",
    "at",
    "outcome",
    "note",
    "actor_id"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING
  "id";
