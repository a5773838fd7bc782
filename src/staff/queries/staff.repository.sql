-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- StaffRepository.list(all)
SELECT
  "s"."id" AS "s_id",
  "s"."partnership_id" AS "s_partnership_id",
  "s"."organisation_id" AS "s_organisation_id",
  "s"."team_id" AS "s_team_id",
  "s"."email" AS "s_email",
  "s"."name" AS "s_name",
  "s"."roles" AS "s_roles",
  "s"."fte" AS "s_fte",
  "s"."active" AS "s_active",
  "s"."version" AS "s_version",
  "s"."created_at" AS "s_created_at",
  "s"."updated_at" AS "s_updated_at"
FROM
  "staff" "s"
ORDER BY
  "s"."name" ASC,
  "s"."id" ASC
LIMIT
  20
OFFSET
  0;

-- StaffRepository.list(filtered)
SELECT
  "s"."id" AS "s_id",
  "s"."partnership_id" AS "s_partnership_id",
  "s"."organisation_id" AS "s_organisation_id",
  "s"."team_id" AS "s_team_id",
  "s"."email" AS "s_email",
  "s"."name" AS "s_name",
  "s"."roles" AS "s_roles",
  "s"."fte" AS "s_fte",
  "s"."active" AS "s_active",
  "s"."version" AS "s_version",
  "s"."created_at" AS "s_created_at",
  "s"."updated_at" AS "s_updated_at"
FROM
  "staff" "s"
WHERE
  "s"."organisation_id" = $1
  AND "s"."team_id" = $2
  AND $3 = any ("s"."roles")
  AND "s"."active" = $4
ORDER BY
  "s"."name" ASC,
  "s"."id" ASC
LIMIT
  20
OFFSET
  20;
SELECT
  COUNT(1) AS "cnt"
FROM
  "staff" "s"
WHERE
  "s"."organisation_id" = $1
  AND "s"."team_id" = $2
  AND $3 = any ("s"."roles")
  AND "s"."active" = $4;

-- StaffRepository.getOrFail()
select
  "id",
  "partnership_id",
  "organisation_id",
  "team_id",
  "email",
  "name",
  "roles",
  "fte",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "staff"
where
  "id" = $1;

-- StaffRepository.insert()
INSERT INTO
  "staff" (
    "id",
    "partnership_id",
    "organisation_id",
    "team_id",
    "email",
    "name",
    "roles",
    "fte",
    "active",
    "password_hash",
    "token_version",
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
    DEFAULT,
    $10,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "fte",
  "active",
  "token_version",
  "version",
  "created_at",
  "updated_at";

-- StaffRepository.updateVersioned()
UPDATE "staff"
SET
  "name" = $1,
  "active" = $2,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $3
  and "version" = $4;
select
  "id",
  "partnership_id",
  "organisation_id",
  "team_id",
  "email",
  "name",
  "roles",
  "fte",
  "active",
  "version",
  "created_at",
  "updated_at"
from
  "staff"
where
  "id" = $1;

-- StaffRepository.find()
SELECT
  "StaffEntity"."id" AS "StaffEntity_id",
  "StaffEntity"."partnership_id" AS "StaffEntity_partnership_id",
  "StaffEntity"."organisation_id" AS "StaffEntity_organisation_id",
  "StaffEntity"."team_id" AS "StaffEntity_team_id",
  "StaffEntity"."email" AS "StaffEntity_email",
  "StaffEntity"."name" AS "StaffEntity_name",
  "StaffEntity"."roles" AS "StaffEntity_roles",
  "StaffEntity"."fte" AS "StaffEntity_fte",
  "StaffEntity"."active" AS "StaffEntity_active",
  "StaffEntity"."version" AS "StaffEntity_version",
  "StaffEntity"."created_at" AS "StaffEntity_created_at",
  "StaffEntity"."updated_at" AS "StaffEntity_updated_at"
FROM
  "staff" "StaffEntity"
WHERE
  (("StaffEntity"."id" = $1))
LIMIT
  1;

-- StaffRepository.findByIds(any)
SELECT
  "StaffEntity"."id" AS "StaffEntity_id",
  "StaffEntity"."partnership_id" AS "StaffEntity_partnership_id",
  "StaffEntity"."organisation_id" AS "StaffEntity_organisation_id",
  "StaffEntity"."team_id" AS "StaffEntity_team_id",
  "StaffEntity"."email" AS "StaffEntity_email",
  "StaffEntity"."name" AS "StaffEntity_name",
  "StaffEntity"."roles" AS "StaffEntity_roles",
  "StaffEntity"."fte" AS "StaffEntity_fte",
  "StaffEntity"."active" AS "StaffEntity_active",
  "StaffEntity"."version" AS "StaffEntity_version",
  "StaffEntity"."created_at" AS "StaffEntity_created_at",
  "StaffEntity"."updated_at" AS "StaffEntity_updated_at"
FROM
  "staff" "StaffEntity"
WHERE
  (("StaffEntity"."id" IN ($1)));

-- StaffRepository.findByIds(active)
SELECT
  "StaffEntity"."id" AS "StaffEntity_id",
  "StaffEntity"."partnership_id" AS "StaffEntity_partnership_id",
  "StaffEntity"."organisation_id" AS "StaffEntity_organisation_id",
  "StaffEntity"."team_id" AS "StaffEntity_team_id",
  "StaffEntity"."email" AS "StaffEntity_email",
  "StaffEntity"."name" AS "StaffEntity_name",
  "StaffEntity"."roles" AS "StaffEntity_roles",
  "StaffEntity"."fte" AS "StaffEntity_fte",
  "StaffEntity"."active" AS "StaffEntity_active",
  "StaffEntity"."version" AS "StaffEntity_version",
  "StaffEntity"."created_at" AS "StaffEntity_created_at",
  "StaffEntity"."updated_at" AS "StaffEntity_updated_at"
FROM
  "staff" "StaffEntity"
WHERE
  (
    ("StaffEntity"."id" IN ($1))
    AND ("StaffEntity"."active" = $2)
  );

-- StaffRepository.hasActiveStaff()
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
      "staff" "StaffEntity"
    WHERE
      (
        ("StaffEntity"."organisation_id" = $1)
        AND ("StaffEntity"."active" = $2)
      )
  )
LIMIT
  1;

-- StaffRepository.idsWithEmail()
select
  id
from
  app_login_lookup ($1);

-- StaffRepository.bumpTokenVersion()
update staff
set
  token_version = token_version + 1
where
  id = $1;

-- StaffRepository.setPassword()
update staff
set
  password_hash = $2,
  token_version = token_version + 1,
  updated_at = now()
where
  id = $1;
