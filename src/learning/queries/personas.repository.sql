-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- PersonasRepository.list()
SELECT
  "PersonaEntity"."id" AS "PersonaEntity_id",
  "PersonaEntity"."partnership_id" AS "PersonaEntity_partnership_id",
  "PersonaEntity"."name" AS "PersonaEntity_name",
  "PersonaEntity"."description" AS "PersonaEntity_description",
  "PersonaEntity"."active" AS "PersonaEntity_active",
  "PersonaEntity"."version" AS "PersonaEntity_version",
  "PersonaEntity"."created_at" AS "PersonaEntity_created_at",
  "PersonaEntity"."updated_at" AS "PersonaEntity_updated_at"
FROM
  "personas" "PersonaEntity"
ORDER BY
  "PersonaEntity"."name" ASC,
  "PersonaEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- PersonasRepository.insert()
INSERT INTO
  "personas" (
    "id",
    "partnership_id",
    "name",
    "description",
    "active",
    "version",
    "created_at",
    "updated_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, DEFAULT, DEFAULT)
RETURNING
  "id",
  "active",
  "version",
  "created_at",
  "updated_at";

-- PersonasRepository.getOrFail()
select
  "id",
  "partnership_id",
  "name",
  "description",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "personas"
where
  "id" = $1;

-- PersonasRepository.updateVersioned()
UPDATE "personas"
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
  "description",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "personas"
where
  "id" = $1;

-- PersonasRepository.isActive()
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
      "personas" "PersonaEntity"
    WHERE
      (
        ("PersonaEntity"."id" = $1)
        AND ("PersonaEntity"."active" = $2)
      )
  )
LIMIT
  1;

-- PersonasRepository.nameTaken(new)
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
      "personas" "p"
    WHERE
      lower("p"."name") = lower($1)
  )
LIMIT
  1;

-- PersonasRepository.nameTaken(except)
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
      "personas" "p"
    WHERE
      lower("p"."name") = lower($1)
      AND "p"."id" <> $2
  )
LIMIT
  1;
