-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ContactsRepository.create()
INSERT INTO
  "contacts" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "at",
    "kind",
    "duration_minutes",
    "staff_id",
    "author_id",
    "author_organisation_id",
    "summary",
    "place",
    "location",
    "interpreter",
    "interpreter_language",
    "confidential",
    "source_type",
    "source_id",
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
    DEFAULT,
    DEFAULT,
    $16,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "interpreter",
  "created_at",
  "updated_at";

-- ContactsRepository.page()
SELECT
  to_char(
    "c"."at" at time zone 'Europe/Brussels',
    'YYYY-MM'
  ) AS "month",
  count(*)::int AS "contacts",
  coalesce(sum("c"."duration_minutes"), 0)::int AS "minutes"
FROM
  "contacts" "c"
WHERE
  "c"."trajectory_id" = $1
  AND "c"."at" >= cast($2 as date)::timestamp at time zone 'Europe/Brussels'
  AND "c"."at" < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels'
  AND "c"."kind" = $4
GROUP BY
  grouping sets (
    (
      to_char(
        "c"."at" at time zone 'Europe/Brussels',
        'YYYY-MM'
      )
    ),
    ()
  );
SELECT
  "c"."id" AS "c_id",
  "c"."partnership_id" AS "c_partnership_id",
  "c"."trajectory_id" AS "c_trajectory_id",
  "c"."participant_id" AS "c_participant_id",
  "c"."at" AS "c_at",
  "c"."kind" AS "c_kind",
  "c"."duration_minutes" AS "c_duration_minutes",
  "c"."staff_id" AS "c_staff_id",
  "c"."author_id" AS "c_author_id",
  "c"."author_organisation_id" AS "c_author_organisation_id",
  "c"."summary" AS "c_summary",
  "c"."place" AS "c_place",
  "c"."location" AS "c_location",
  "c"."interpreter" AS "c_interpreter",
  "c"."interpreter_language" AS "c_interpreter_language",
  "c"."confidential" AS "c_confidential",
  "c"."source_type" AS "c_source_type",
  "c"."source_id" AS "c_source_id",
  "c"."version" AS "c_version",
  "c"."created_at" AS "c_created_at",
  "c"."updated_at" AS "c_updated_at"
FROM
  "contacts" "c"
WHERE
  "c"."trajectory_id" = $1
  AND "c"."at" >= cast($2 as date)::timestamp at time zone 'Europe/Brussels'
  AND "c"."at" < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels'
  AND "c"."kind" = $4
ORDER BY
  "c"."at" DESC,
  "c"."id" DESC
LIMIT
  50
OFFSET
  0;

-- ContactsRepository.findInTrajectory()
SELECT
  "ContactEntity"."id" AS "ContactEntity_id",
  "ContactEntity"."partnership_id" AS "ContactEntity_partnership_id",
  "ContactEntity"."trajectory_id" AS "ContactEntity_trajectory_id",
  "ContactEntity"."participant_id" AS "ContactEntity_participant_id",
  "ContactEntity"."at" AS "ContactEntity_at",
  "ContactEntity"."kind" AS "ContactEntity_kind",
  "ContactEntity"."duration_minutes" AS "ContactEntity_duration_minutes",
  "ContactEntity"."staff_id" AS "ContactEntity_staff_id",
  "ContactEntity"."author_id" AS "ContactEntity_author_id",
  "ContactEntity"."author_organisation_id" AS "ContactEntity_author_organisation_id",
  "ContactEntity"."summary" AS "ContactEntity_summary",
  "ContactEntity"."place" AS "ContactEntity_place",
  "ContactEntity"."location" AS "ContactEntity_location",
  "ContactEntity"."interpreter" AS "ContactEntity_interpreter",
  "ContactEntity"."interpreter_language" AS "ContactEntity_interpreter_language",
  "ContactEntity"."confidential" AS "ContactEntity_confidential",
  "ContactEntity"."source_type" AS "ContactEntity_source_type",
  "ContactEntity"."source_id" AS "ContactEntity_source_id",
  "ContactEntity"."version" AS "ContactEntity_version",
  "ContactEntity"."created_at" AS "ContactEntity_created_at",
  "ContactEntity"."updated_at" AS "ContactEntity_updated_at"
FROM
  "contacts" "ContactEntity"
WHERE
  (
    ("ContactEntity"."id" = $1)
    AND ("ContactEntity"."trajectory_id" = $2)
  )
LIMIT
  1;

-- ContactsRepository.update()
UPDATE "contacts"
SET
  "summary" = $1,
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
  "at",
  "kind",
  "duration_minutes",
  "staff_id",
  "author_id",
  "author_organisation_id",
  "summary",
  "place",
  "location",
  "interpreter",
  "interpreter_language",
  "confidential",
  "source_type",
  "source_id",
  "version",
  "created_at",
  "updated_at"
from
  "contacts"
where
  "id" = $1;

-- ContactsRepository.insertRevision()
INSERT INTO
  "contact_revisions" (
    "id",
    "partnership_id",
    "contact_id",
    "participant_id",
    "author_organisation_id",
    "confidential",
    "version",
    "snapshot",
    "edited_by",
    "edited_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING
  "id";

-- ContactsRepository.confidentialIndex()
select
  id,
  at,
  author_id,
  author_organisation_id,
  kind
from
  app_confidential_contacts ($1);

-- ContactsRepository.insertDerived()
insert into
  contacts (
    id,
    partnership_id,
    trajectory_id,
    participant_id,
    at,
    kind,
    duration_minutes,
    staff_id,
    author_id,
    author_organisation_id,
    summary,
    confidential,
    source_type,
    source_id
  )
values
  (
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
    false,
    $12,
    $13
  );

-- ContactsRepository.updateDerivedSummary()
update contacts
set
  summary = $3,
  version = version + 1,
  updated_at = now()
where
  id = $1
  and source_type = $2;

-- ContactsRepository.deleteDerived()
delete from contact_revisions
where
  contact_id = $1;
delete from contacts
where
  id = $1
  and source_type = $2;
