-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- CaseMeetingsRepository.create()
INSERT INTO
  "case_meetings" (
    "id",
    "partnership_id",
    "team_id",
    "scheduled_at",
    "location",
    "organiser_id",
    "organiser_organisation_id",
    "cancelled_at",
    "created_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, DEFAULT)
RETURNING
  "id",
  "created_at";

-- CaseMeetingsRepository.insertAttendees()
INSERT INTO
  "case_meeting_attendees" (
    "id",
    "partnership_id",
    "case_meeting_id",
    "staff_id",
    "organisation_id"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4)
RETURNING
  "id";

-- CaseMeetingsRepository.page()
SELECT
  "m"."id" AS "m_id",
  "m"."partnership_id" AS "m_partnership_id",
  "m"."team_id" AS "m_team_id",
  "m"."scheduled_at" AS "m_scheduled_at",
  "m"."location" AS "m_location",
  "m"."organiser_id" AS "m_organiser_id",
  "m"."organiser_organisation_id" AS "m_organiser_organisation_id",
  "m"."cancelled_at" AS "m_cancelled_at",
  "m"."created_at" AS "m_created_at"
FROM
  "case_meetings" "m"
WHERE
  "m"."team_id" = $1
  AND "m"."scheduled_at" >= $2
ORDER BY
  "m"."scheduled_at" ASC,
  "m"."id" ASC
LIMIT
  50
OFFSET
  0;

-- CaseMeetingsRepository.findById()
SELECT
  "CaseMeetingEntity"."id" AS "CaseMeetingEntity_id",
  "CaseMeetingEntity"."partnership_id" AS "CaseMeetingEntity_partnership_id",
  "CaseMeetingEntity"."team_id" AS "CaseMeetingEntity_team_id",
  "CaseMeetingEntity"."scheduled_at" AS "CaseMeetingEntity_scheduled_at",
  "CaseMeetingEntity"."location" AS "CaseMeetingEntity_location",
  "CaseMeetingEntity"."organiser_id" AS "CaseMeetingEntity_organiser_id",
  "CaseMeetingEntity"."organiser_organisation_id" AS "CaseMeetingEntity_organiser_organisation_id",
  "CaseMeetingEntity"."cancelled_at" AS "CaseMeetingEntity_cancelled_at",
  "CaseMeetingEntity"."created_at" AS "CaseMeetingEntity_created_at"
FROM
  "case_meetings" "CaseMeetingEntity"
WHERE
  (("CaseMeetingEntity"."id" = $1))
LIMIT
  1;

-- CaseMeetingsRepository.attendeesOf()
SELECT
  "CaseMeetingAttendeeEntity"."id" AS "CaseMeetingAttendeeEntity_id",
  "CaseMeetingAttendeeEntity"."partnership_id" AS "CaseMeetingAttendeeEntity_partnership_id",
  "CaseMeetingAttendeeEntity"."case_meeting_id" AS "CaseMeetingAttendeeEntity_case_meeting_id",
  "CaseMeetingAttendeeEntity"."staff_id" AS "CaseMeetingAttendeeEntity_staff_id",
  "CaseMeetingAttendeeEntity"."organisation_id" AS "CaseMeetingAttendeeEntity_organisation_id"
FROM
  "case_meeting_attendees" "CaseMeetingAttendeeEntity"
WHERE
  (
    (
      "CaseMeetingAttendeeEntity"."case_meeting_id" IN ($1, $2)
    )
  );

-- CaseMeetingsRepository.cancel()
UPDATE "case_meetings"
SET
  "cancelled_at" = $1
WHERE
  (
    "id" = $2
    AND "cancelled_at" IS NULL
  );

-- CaseMeetingsRepository.upcomingFor()
SELECT
  "m"."id" AS "m_id",
  "m"."partnership_id" AS "m_partnership_id",
  "m"."team_id" AS "m_team_id",
  "m"."scheduled_at" AS "m_scheduled_at",
  "m"."location" AS "m_location",
  "m"."organiser_id" AS "m_organiser_id",
  "m"."organiser_organisation_id" AS "m_organiser_organisation_id",
  "m"."cancelled_at" AS "m_cancelled_at",
  "m"."created_at" AS "m_created_at"
FROM
  "case_meetings" "m"
WHERE
  "m"."scheduled_at" >= $1
  and "m"."cancelled_at" is null
  AND exists (
    select
      1
    from
      case_meeting_attendees a
    where
      a.case_meeting_id = "m"."id"
      and a.staff_id = $2
  )
ORDER BY
  "m"."scheduled_at" ASC
LIMIT
  50;
