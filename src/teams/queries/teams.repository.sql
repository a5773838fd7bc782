-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- TeamsRepository.findPage()
SELECT
  "TeamEntity"."id" AS "TeamEntity_id",
  "TeamEntity"."partnership_id" AS "TeamEntity_partnership_id",
  "TeamEntity"."name" AS "TeamEntity_name",
  "TeamEntity"."location" AS "TeamEntity_location",
  "TeamEntity"."wijken" AS "TeamEntity_wijken",
  "TeamEntity"."active" AS "TeamEntity_active",
  "TeamEntity"."version" AS "TeamEntity_version",
  "TeamEntity"."created_at" AS "TeamEntity_created_at",
  "TeamEntity"."updated_at" AS "TeamEntity_updated_at"
FROM
  "teams" "TeamEntity"
ORDER BY
  "TeamEntity"."name" ASC,
  "TeamEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- TeamsRepository.find()
select
  "id",
  "partnership_id",
  "name",
  "location",
  "wijken",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "teams"
where
  "id" = $1;

-- TeamsRepository.findOrFail()
select
  "id",
  "partnership_id",
  "name",
  "location",
  "wijken",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "teams"
where
  "id" = $1;

-- TeamsRepository.findByIds()
SELECT
  "TeamEntity"."id" AS "TeamEntity_id",
  "TeamEntity"."partnership_id" AS "TeamEntity_partnership_id",
  "TeamEntity"."name" AS "TeamEntity_name",
  "TeamEntity"."location" AS "TeamEntity_location",
  "TeamEntity"."wijken" AS "TeamEntity_wijken",
  "TeamEntity"."active" AS "TeamEntity_active",
  "TeamEntity"."version" AS "TeamEntity_version",
  "TeamEntity"."created_at" AS "TeamEntity_created_at",
  "TeamEntity"."updated_at" AS "TeamEntity_updated_at"
FROM
  "teams" "TeamEntity"
WHERE
  (("TeamEntity"."id" IN ($1)));

-- TeamsRepository.existsByName()
SELECT
  1 AS "row_exists"
FROM
  (
    SELECT
      1 AS dummy_column
  ) "dummy_table"
WHERE
  EXISTS (
    SELECT
      1
    FROM
      "teams" "t"
    WHERE
      lower("t"."name") = lower($1)
      AND "t"."id" <> $2
  )
LIMIT
  1;

-- TeamsRepository.existsWithWijk()
SELECT
  1 AS "row_exists"
FROM
  (
    SELECT
      1 AS dummy_column
  ) "dummy_table"
WHERE
  EXISTS (
    SELECT
      1
    FROM
      "teams" "t"
    WHERE
      $1 = any ("t"."wijken")
  )
LIMIT
  1;

-- TeamsRepository.create()
INSERT INTO
  "teams" (
    "id",
    "partnership_id",
    "name",
    "location",
    "wijken",
    "active",
    "version",
    "created_at",
    "updated_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, DEFAULT)
RETURNING
  "id",
  "wijken",
  "active",
  "version",
  "created_at",
  "updated_at";

-- TeamsRepository.updateVersioned()
UPDATE "teams"
SET
  "name" = $1,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $2
  and "version" = $3;
select
  "id",
  "partnership_id",
  "name",
  "location",
  "wijken",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "teams"
where
  "id" = $1;
