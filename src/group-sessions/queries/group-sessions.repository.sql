-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- GroupSessionsRepository.create()
INSERT INTO
  "group_sessions" (
    "id",
    "partnership_id",
    "theme",
    "tag",
    "at",
    "duration_minutes",
    "location",
    "facilitator_id",
    "created_by",
    "created_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, DEFAULT)
RETURNING
  "id",
  "created_at";

-- GroupSessionsRepository.page()
SELECT
  "s"."id" AS "s_id",
  "s"."partnership_id" AS "s_partnership_id",
  "s"."theme" AS "s_theme",
  "s"."tag" AS "s_tag",
  "s"."at" AS "s_at",
  "s"."duration_minutes" AS "s_duration_minutes",
  "s"."location" AS "s_location",
  "s"."facilitator_id" AS "s_facilitator_id",
  "s"."created_by" AS "s_created_by",
  "s"."created_at" AS "s_created_at"
FROM
  "group_sessions" "s"
WHERE
  "s"."tag" = $1
  AND "s"."facilitator_id" = $2
  AND "s"."at" >= $3
ORDER BY
  "s"."at" ASC,
  "s"."id" ASC
LIMIT
  50
OFFSET
  0;

-- GroupSessionsRepository.findById()
SELECT
  "GroupSessionEntity"."id" AS "GroupSessionEntity_id",
  "GroupSessionEntity"."partnership_id" AS "GroupSessionEntity_partnership_id",
  "GroupSessionEntity"."theme" AS "GroupSessionEntity_theme",
  "GroupSessionEntity"."tag" AS "GroupSessionEntity_tag",
  "GroupSessionEntity"."at" AS "GroupSessionEntity_at",
  "GroupSessionEntity"."duration_minutes" AS "GroupSessionEntity_duration_minutes",
  "GroupSessionEntity"."location" AS "GroupSessionEntity_location",
  "GroupSessionEntity"."facilitator_id" AS "GroupSessionEntity_facilitator_id",
  "GroupSessionEntity"."created_by" AS "GroupSessionEntity_created_by",
  "GroupSessionEntity"."created_at" AS "GroupSessionEntity_created_at"
FROM
  "group_sessions" "GroupSessionEntity"
WHERE
  (("GroupSessionEntity"."id" = $1))
LIMIT
  1;

-- GroupSessionsRepository.upcomingFacilitatedBy()
SELECT
  "s"."id" AS "s_id",
  "s"."partnership_id" AS "s_partnership_id",
  "s"."theme" AS "s_theme",
  "s"."tag" AS "s_tag",
  "s"."at" AS "s_at",
  "s"."duration_minutes" AS "s_duration_minutes",
  "s"."location" AS "s_location",
  "s"."facilitator_id" AS "s_facilitator_id",
  "s"."created_by" AS "s_created_by",
  "s"."created_at" AS "s_created_at"
FROM
  "group_sessions" "s"
WHERE
  "s"."facilitator_id" = $1
  and "s"."at" >= $2
ORDER BY
  "s"."at" ASC
LIMIT
  50;

-- GroupSessionsRepository.attendanceOf()
SELECT
  "GroupSessionAttendanceEntity"."id" AS "GroupSessionAttendanceEntity_id",
  "GroupSessionAttendanceEntity"."partnership_id" AS "GroupSessionAttendanceEntity_partnership_id",
  "GroupSessionAttendanceEntity"."group_session_id" AS "GroupSessionAttendanceEntity_group_session_id",
  "GroupSessionAttendanceEntity"."participant_id" AS "GroupSessionAttendanceEntity_participant_id",
  "GroupSessionAttendanceEntity"."trajectory_id" AS "GroupSessionAttendanceEntity_trajectory_id",
  "GroupSessionAttendanceEntity"."attended" AS "GroupSessionAttendanceEntity_attended",
  "GroupSessionAttendanceEntity"."contact_id" AS "GroupSessionAttendanceEntity_contact_id",
  "GroupSessionAttendanceEntity"."registered_by" AS "GroupSessionAttendanceEntity_registered_by",
  "GroupSessionAttendanceEntity"."created_at" AS "GroupSessionAttendanceEntity_created_at",
  "GroupSessionAttendanceEntity"."updated_at" AS "GroupSessionAttendanceEntity_updated_at"
FROM
  "group_session_attendance" "GroupSessionAttendanceEntity"
WHERE
  (
    (
      "GroupSessionAttendanceEntity"."group_session_id" = $1
    )
  )
ORDER BY
  "GroupSessionAttendanceEntity"."created_at" ASC;

-- GroupSessionsRepository.findAttendance()
SELECT
  "GroupSessionAttendanceEntity"."id" AS "GroupSessionAttendanceEntity_id",
  "GroupSessionAttendanceEntity"."partnership_id" AS "GroupSessionAttendanceEntity_partnership_id",
  "GroupSessionAttendanceEntity"."group_session_id" AS "GroupSessionAttendanceEntity_group_session_id",
  "GroupSessionAttendanceEntity"."participant_id" AS "GroupSessionAttendanceEntity_participant_id",
  "GroupSessionAttendanceEntity"."trajectory_id" AS "GroupSessionAttendanceEntity_trajectory_id",
  "GroupSessionAttendanceEntity"."attended" AS "GroupSessionAttendanceEntity_attended",
  "GroupSessionAttendanceEntity"."contact_id" AS "GroupSessionAttendanceEntity_contact_id",
  "GroupSessionAttendanceEntity"."registered_by" AS "GroupSessionAttendanceEntity_registered_by",
  "GroupSessionAttendanceEntity"."created_at" AS "GroupSessionAttendanceEntity_created_at",
  "GroupSessionAttendanceEntity"."updated_at" AS "GroupSessionAttendanceEntity_updated_at"
FROM
  "group_session_attendance" "GroupSessionAttendanceEntity"
WHERE
  (
    (
      "GroupSessionAttendanceEntity"."group_session_id" = $1
    )
    AND (
      "GroupSessionAttendanceEntity"."participant_id" = $2
    )
  )
LIMIT
  1;

-- GroupSessionsRepository.insertAttendance()
INSERT INTO
  "group_session_attendance" (
    "id",
    "partnership_id",
    "group_session_id",
    "participant_id",
    "trajectory_id",
    "attended",
    "contact_id",
    "registered_by",
    "created_at",
    "updated_at"
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8, DEFAULT, DEFAULT)
RETURNING
  "id",
  "created_at",
  "updated_at";

-- GroupSessionsRepository.updateAttendance()
UPDATE "group_session_attendance"
SET
  "attended" = $1,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $2;
