-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- OrganisationsRepository.findPage()
SELECT
  "OrganisationEntity"."id" AS "OrganisationEntity_id",
  "OrganisationEntity"."partnership_id" AS "OrganisationEntity_partnership_id",
  "OrganisationEntity"."name" AS "OrganisationEntity_name",
  "OrganisationEntity"."kbo_number" AS "OrganisationEntity_kbo_number",
  "OrganisationEntity"."kind" AS "OrganisationEntity_kind",
  "OrganisationEntity"."professional_secrecy" AS "OrganisationEntity_professional_secrecy",
  "OrganisationEntity"."active" AS "OrganisationEntity_active",
  "OrganisationEntity"."version" AS "OrganisationEntity_version",
  "OrganisationEntity"."created_at" AS "OrganisationEntity_created_at",
  "OrganisationEntity"."updated_at" AS "OrganisationEntity_updated_at"
FROM
  "organisations" "OrganisationEntity"
ORDER BY
  "OrganisationEntity"."name" ASC,
  "OrganisationEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- OrganisationsRepository.find()
select
  "id",
  "partnership_id",
  "name",
  "kbo_number",
  "kind",
  "professional_secrecy",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "organisations"
where
  "id" = $1;

-- OrganisationsRepository.findOrFail()
select
  "id",
  "partnership_id",
  "name",
  "kbo_number",
  "kind",
  "professional_secrecy",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "organisations"
where
  "id" = $1;

-- OrganisationsRepository.findByIds()
SELECT
  "OrganisationEntity"."id" AS "OrganisationEntity_id",
  "OrganisationEntity"."partnership_id" AS "OrganisationEntity_partnership_id",
  "OrganisationEntity"."name" AS "OrganisationEntity_name",
  "OrganisationEntity"."kbo_number" AS "OrganisationEntity_kbo_number",
  "OrganisationEntity"."kind" AS "OrganisationEntity_kind",
  "OrganisationEntity"."professional_secrecy" AS "OrganisationEntity_professional_secrecy",
  "OrganisationEntity"."active" AS "OrganisationEntity_active",
  "OrganisationEntity"."version" AS "OrganisationEntity_version",
  "OrganisationEntity"."created_at" AS "OrganisationEntity_created_at",
  "OrganisationEntity"."updated_at" AS "OrganisationEntity_updated_at"
FROM
  "organisations" "OrganisationEntity"
WHERE
  (("OrganisationEntity"."id" IN ($1)));

-- OrganisationsRepository.findActiveByKind()
SELECT
  "OrganisationEntity"."id" AS "OrganisationEntity_id",
  "OrganisationEntity"."partnership_id" AS "OrganisationEntity_partnership_id",
  "OrganisationEntity"."name" AS "OrganisationEntity_name",
  "OrganisationEntity"."kbo_number" AS "OrganisationEntity_kbo_number",
  "OrganisationEntity"."kind" AS "OrganisationEntity_kind",
  "OrganisationEntity"."professional_secrecy" AS "OrganisationEntity_professional_secrecy",
  "OrganisationEntity"."active" AS "OrganisationEntity_active",
  "OrganisationEntity"."version" AS "OrganisationEntity_version",
  "OrganisationEntity"."created_at" AS "OrganisationEntity_created_at",
  "OrganisationEntity"."updated_at" AS "OrganisationEntity_updated_at"
FROM
  "organisations" "OrganisationEntity"
WHERE
  (
    ("OrganisationEntity"."kind" = $1)
    AND ("OrganisationEntity"."active" = $2)
  )
ORDER BY
  "OrganisationEntity"."name" ASC;

-- OrganisationsRepository.existsByNameOrKbo()
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
      "organisations" "o"
    WHERE
      (
        lower("o"."name") = lower($1)
        or "o"."kbo_number" = $2
      )
      AND "o"."id" <> $3
  )
LIMIT
  1;

-- OrganisationsRepository.create()
INSERT INTO
  "organisations" (
    "id",
    "partnership_id",
    "name",
    "kbo_number",
    "kind",
    "professional_secrecy",
    "active",
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
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "professional_secrecy",
  "active",
  "version",
  "created_at",
  "updated_at";

-- OrganisationsRepository.updateVersioned()
UPDATE "organisations"
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
  "kbo_number",
  "kind",
  "professional_secrecy",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "organisations"
where
  "id" = $1;

-- OrganisationsRepository.ids()
SELECT
  "OrganisationEntity"."id" AS "OrganisationEntity_id"
FROM
  "organisations" "OrganisationEntity";
