-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- PlacementsRepository.create()
INSERT INTO
  "placements" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "kind",
    "employer_id",
    "start_date",
    "end_date",
    "hours_per_week",
    "contract_type",
    "exit",
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
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at",
  "updated_at";

-- PlacementsRepository.findPage()
SELECT
  "PlacementEntity"."id" AS "PlacementEntity_id",
  "PlacementEntity"."partnership_id" AS "PlacementEntity_partnership_id",
  "PlacementEntity"."trajectory_id" AS "PlacementEntity_trajectory_id",
  "PlacementEntity"."participant_id" AS "PlacementEntity_participant_id",
  "PlacementEntity"."kind" AS "PlacementEntity_kind",
  "PlacementEntity"."employer_id" AS "PlacementEntity_employer_id",
  "PlacementEntity"."start_date" AS "PlacementEntity_start_date",
  "PlacementEntity"."end_date" AS "PlacementEntity_end_date",
  "PlacementEntity"."hours_per_week" AS "PlacementEntity_hours_per_week",
  "PlacementEntity"."contract_type" AS "PlacementEntity_contract_type",
  "PlacementEntity"."exit" AS "PlacementEntity_exit",
  "PlacementEntity"."created_by" AS "PlacementEntity_created_by",
  "PlacementEntity"."version" AS "PlacementEntity_version",
  "PlacementEntity"."created_at" AS "PlacementEntity_created_at",
  "PlacementEntity"."updated_at" AS "PlacementEntity_updated_at"
FROM
  "placements" "PlacementEntity"
WHERE
  (
    ("PlacementEntity"."trajectory_id" = $1)
    AND ("PlacementEntity"."kind" = $2)
  )
ORDER BY
  "PlacementEntity"."start_date" ASC,
  "PlacementEntity"."created_at" ASC,
  "PlacementEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- PlacementsRepository.findByTrajectory()
SELECT
  "PlacementEntity"."id" AS "PlacementEntity_id",
  "PlacementEntity"."partnership_id" AS "PlacementEntity_partnership_id",
  "PlacementEntity"."trajectory_id" AS "PlacementEntity_trajectory_id",
  "PlacementEntity"."participant_id" AS "PlacementEntity_participant_id",
  "PlacementEntity"."kind" AS "PlacementEntity_kind",
  "PlacementEntity"."employer_id" AS "PlacementEntity_employer_id",
  "PlacementEntity"."start_date" AS "PlacementEntity_start_date",
  "PlacementEntity"."end_date" AS "PlacementEntity_end_date",
  "PlacementEntity"."hours_per_week" AS "PlacementEntity_hours_per_week",
  "PlacementEntity"."contract_type" AS "PlacementEntity_contract_type",
  "PlacementEntity"."exit" AS "PlacementEntity_exit",
  "PlacementEntity"."created_by" AS "PlacementEntity_created_by",
  "PlacementEntity"."version" AS "PlacementEntity_version",
  "PlacementEntity"."created_at" AS "PlacementEntity_created_at",
  "PlacementEntity"."updated_at" AS "PlacementEntity_updated_at"
FROM
  "placements" "PlacementEntity"
WHERE
  (("PlacementEntity"."trajectory_id" = $1))
ORDER BY
  "PlacementEntity"."start_date" ASC;

-- PlacementsRepository.findInTrajectory()
SELECT
  "PlacementEntity"."id" AS "PlacementEntity_id",
  "PlacementEntity"."partnership_id" AS "PlacementEntity_partnership_id",
  "PlacementEntity"."trajectory_id" AS "PlacementEntity_trajectory_id",
  "PlacementEntity"."participant_id" AS "PlacementEntity_participant_id",
  "PlacementEntity"."kind" AS "PlacementEntity_kind",
  "PlacementEntity"."employer_id" AS "PlacementEntity_employer_id",
  "PlacementEntity"."start_date" AS "PlacementEntity_start_date",
  "PlacementEntity"."end_date" AS "PlacementEntity_end_date",
  "PlacementEntity"."hours_per_week" AS "PlacementEntity_hours_per_week",
  "PlacementEntity"."contract_type" AS "PlacementEntity_contract_type",
  "PlacementEntity"."exit" AS "PlacementEntity_exit",
  "PlacementEntity"."created_by" AS "PlacementEntity_created_by",
  "PlacementEntity"."version" AS "PlacementEntity_version",
  "PlacementEntity"."created_at" AS "PlacementEntity_created_at",
  "PlacementEntity"."updated_at" AS "PlacementEntity_updated_at"
FROM
  "placements" "PlacementEntity"
WHERE
  (
    ("PlacementEntity"."id" = $1)
    AND ("PlacementEntity"."trajectory_id" = $2)
  )
LIMIT
  1;

-- PlacementsRepository.markExit()
UPDATE "placements"
SET
  "exit" = $1,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  (
    "trajectory_id" = $2
    AND "exit" = $3
  );
UPDATE "placements"
SET
  "exit" = $1,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $2;

-- PlacementsRepository.updateVersioned()
UPDATE "placements"
SET
  "hours_per_week" = $1,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $2
  and "version" = $3;
select
  "id",
  "partnership_id",
  "trajectory_id",
  "participant_id",
  "kind",
  "employer_id",
  "start_date",
  "end_date",
  "hours_per_week",
  "contract_type",
  "exit",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "placements"
where
  "id" = $1;
