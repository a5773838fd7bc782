-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- GoalsRepository.create()
INSERT INTO
  "goals" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "life_domain",
    "title",
    "target_date",
    "status",
    "status_changed_at",
    "steps",
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
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at",
  "updated_at";

-- GoalsRepository.page()
SELECT
  "GoalEntity"."id" AS "GoalEntity_id",
  "GoalEntity"."partnership_id" AS "GoalEntity_partnership_id",
  "GoalEntity"."trajectory_id" AS "GoalEntity_trajectory_id",
  "GoalEntity"."participant_id" AS "GoalEntity_participant_id",
  "GoalEntity"."life_domain" AS "GoalEntity_life_domain",
  "GoalEntity"."title" AS "GoalEntity_title",
  "GoalEntity"."target_date" AS "GoalEntity_target_date",
  "GoalEntity"."status" AS "GoalEntity_status",
  "GoalEntity"."status_changed_at" AS "GoalEntity_status_changed_at",
  "GoalEntity"."steps" AS "GoalEntity_steps",
  "GoalEntity"."created_by" AS "GoalEntity_created_by",
  "GoalEntity"."version" AS "GoalEntity_version",
  "GoalEntity"."created_at" AS "GoalEntity_created_at",
  "GoalEntity"."updated_at" AS "GoalEntity_updated_at"
FROM
  "goals" "GoalEntity"
WHERE
  (
    ("GoalEntity"."trajectory_id" = $1)
    AND ("GoalEntity"."status" = $2)
    AND ("GoalEntity"."life_domain" = $3)
  )
ORDER BY
  "GoalEntity"."created_at" ASC,
  "GoalEntity"."id" ASC
LIMIT
  50
OFFSET
  0;

-- GoalsRepository.findInTrajectory()
SELECT
  "GoalEntity"."id" AS "GoalEntity_id",
  "GoalEntity"."partnership_id" AS "GoalEntity_partnership_id",
  "GoalEntity"."trajectory_id" AS "GoalEntity_trajectory_id",
  "GoalEntity"."participant_id" AS "GoalEntity_participant_id",
  "GoalEntity"."life_domain" AS "GoalEntity_life_domain",
  "GoalEntity"."title" AS "GoalEntity_title",
  "GoalEntity"."target_date" AS "GoalEntity_target_date",
  "GoalEntity"."status" AS "GoalEntity_status",
  "GoalEntity"."status_changed_at" AS "GoalEntity_status_changed_at",
  "GoalEntity"."steps" AS "GoalEntity_steps",
  "GoalEntity"."created_by" AS "GoalEntity_created_by",
  "GoalEntity"."version" AS "GoalEntity_version",
  "GoalEntity"."created_at" AS "GoalEntity_created_at",
  "GoalEntity"."updated_at" AS "GoalEntity_updated_at"
FROM
  "goals" "GoalEntity"
WHERE
  (
    ("GoalEntity"."id" = $1)
    AND ("GoalEntity"."trajectory_id" = $2)
  )
LIMIT
  1;

-- GoalsRepository.update()
UPDATE "goals"
SET
  "title" = $1,
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
  "life_domain",
  "title",
  "target_date",
  "status",
  "status_changed_at",
  "steps",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "goals"
where
  "id" = $1;
