-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- EmployersRepository.search(by name or KBO)
SELECT
  "e"."id" AS "e_id",
  "e"."partnership_id" AS "e_partnership_id",
  "e"."name" AS "e_name",
  "e"."kbo_number" AS "e_kbo_number",
  "e"."sector" AS "e_sector",
  "e"."kind" AS "e_kind",
  "e"."inclusive" AS "e_inclusive",
  "e"."contact_name" AS "e_contact_name",
  "e"."contact_phone" AS "e_contact_phone",
  "e"."contact_email" AS "e_contact_email",
  "e"."created_by" AS "e_created_by",
  "e"."version" AS "e_version",
  "e"."created_at" AS "e_created_at",
  "e"."updated_at" AS "e_updated_at"
FROM
  "employers" "e"
WHERE
  (
    lower("e"."name") like $1
    or "e"."kbo_number" like $2
  )
ORDER BY
  lower("e"."name") ASC,
  "e"."id" ASC
LIMIT
  20
OFFSET
  0;

-- EmployersRepository.search(by kind)
SELECT
  "e"."id" AS "e_id",
  "e"."partnership_id" AS "e_partnership_id",
  "e"."name" AS "e_name",
  "e"."kbo_number" AS "e_kbo_number",
  "e"."sector" AS "e_sector",
  "e"."kind" AS "e_kind",
  "e"."inclusive" AS "e_inclusive",
  "e"."contact_name" AS "e_contact_name",
  "e"."contact_phone" AS "e_contact_phone",
  "e"."contact_email" AS "e_contact_email",
  "e"."created_by" AS "e_created_by",
  "e"."version" AS "e_version",
  "e"."created_at" AS "e_created_at",
  "e"."updated_at" AS "e_updated_at"
FROM
  "employers" "e"
WHERE
  "e"."kind" = $1
  AND "e"."inclusive" = $2
ORDER BY
  lower("e"."name") ASC,
  "e"."id" ASC
LIMIT
  20
OFFSET
  0;

-- EmployersRepository.find()
SELECT
  "EmployerEntity"."id" AS "EmployerEntity_id",
  "EmployerEntity"."partnership_id" AS "EmployerEntity_partnership_id",
  "EmployerEntity"."name" AS "EmployerEntity_name",
  "EmployerEntity"."kbo_number" AS "EmployerEntity_kbo_number",
  "EmployerEntity"."sector" AS "EmployerEntity_sector",
  "EmployerEntity"."kind" AS "EmployerEntity_kind",
  "EmployerEntity"."inclusive" AS "EmployerEntity_inclusive",
  "EmployerEntity"."contact_name" AS "EmployerEntity_contact_name",
  "EmployerEntity"."contact_phone" AS "EmployerEntity_contact_phone",
  "EmployerEntity"."contact_email" AS "EmployerEntity_contact_email",
  "EmployerEntity"."created_by" AS "EmployerEntity_created_by",
  "EmployerEntity"."version" AS "EmployerEntity_version",
  "EmployerEntity"."created_at" AS "EmployerEntity_created_at",
  "EmployerEntity"."updated_at" AS "EmployerEntity_updated_at"
FROM
  "employers" "EmployerEntity"
WHERE
  (("EmployerEntity"."id" = $1))
LIMIT
  1;

-- EmployersRepository.namesOf()
SELECT
  "e"."id" AS "e_id",
  "e"."name" AS "e_name"
FROM
  "employers" "e"
WHERE
  "e"."id" = any ($1);

-- EmployersRepository.findOtherWithKbo()
SELECT
  "e"."id" AS "e_id",
  "e"."partnership_id" AS "e_partnership_id",
  "e"."name" AS "e_name",
  "e"."kbo_number" AS "e_kbo_number",
  "e"."sector" AS "e_sector",
  "e"."kind" AS "e_kind",
  "e"."inclusive" AS "e_inclusive",
  "e"."contact_name" AS "e_contact_name",
  "e"."contact_phone" AS "e_contact_phone",
  "e"."contact_email" AS "e_contact_email",
  "e"."created_by" AS "e_created_by",
  "e"."version" AS "e_version",
  "e"."created_at" AS "e_created_at",
  "e"."updated_at" AS "e_updated_at"
FROM
  "employers" "e"
WHERE
  "e"."kbo_number" = $1
  AND "e"."id" <> $2;

-- EmployersRepository.create()
INSERT INTO
  "employers" (
    "id",
    "partnership_id",
    "name",
    "kbo_number",
    "sector",
    "kind",
    "inclusive",
    "contact_name",
    "contact_phone",
    "contact_email",
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

-- EmployersRepository.updateVersioned()
UPDATE "employers"
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
  "sector",
  "kind",
  "inclusive",
  "contact_name",
  "contact_phone",
  "contact_email",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "employers"
where
  "id" = $1;
