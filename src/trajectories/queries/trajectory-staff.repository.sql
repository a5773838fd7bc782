-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- TrajectoryStaffRepository.currentAssignment()
SELECT
  "CaseManagerAssignmentEntity"."id" AS "CaseManagerAssignmentEntity_id",
  "CaseManagerAssignmentEntity"."partnership_id" AS "CaseManagerAssignmentEntity_partnership_id",
  "CaseManagerAssignmentEntity"."trajectory_id" AS "CaseManagerAssignmentEntity_trajectory_id",
  "CaseManagerAssignmentEntity"."participant_id" AS "CaseManagerAssignmentEntity_participant_id",
  "CaseManagerAssignmentEntity"."staff_id" AS "CaseManagerAssignmentEntity_staff_id",
  "CaseManagerAssignmentEntity"."organisation_id" AS "CaseManagerAssignmentEntity_organisation_id",
  "CaseManagerAssignmentEntity"."from_at" AS "CaseManagerAssignmentEntity_from_at",
  "CaseManagerAssignmentEntity"."to_at" AS "CaseManagerAssignmentEntity_to_at",
  "CaseManagerAssignmentEntity"."recorded_at" AS "CaseManagerAssignmentEntity_recorded_at",
  "CaseManagerAssignmentEntity"."note" AS "CaseManagerAssignmentEntity_note",
  "CaseManagerAssignmentEntity"."assigned_by" AS "CaseManagerAssignmentEntity_assigned_by"
FROM
  "case_manager_assignments" "CaseManagerAssignmentEntity"
WHERE
  (
    (
      "CaseManagerAssignmentEntity"."trajectory_id" = $1
    )
    AND ("CaseManagerAssignmentEntity"."to_at" IS NULL)
  )
LIMIT
  1;

-- TrajectoryStaffRepository.lastAssignment()
SELECT
  "CaseManagerAssignmentEntity"."id" AS "CaseManagerAssignmentEntity_id",
  "CaseManagerAssignmentEntity"."partnership_id" AS "CaseManagerAssignmentEntity_partnership_id",
  "CaseManagerAssignmentEntity"."trajectory_id" AS "CaseManagerAssignmentEntity_trajectory_id",
  "CaseManagerAssignmentEntity"."participant_id" AS "CaseManagerAssignmentEntity_participant_id",
  "CaseManagerAssignmentEntity"."staff_id" AS "CaseManagerAssignmentEntity_staff_id",
  "CaseManagerAssignmentEntity"."organisation_id" AS "CaseManagerAssignmentEntity_organisation_id",
  "CaseManagerAssignmentEntity"."from_at" AS "CaseManagerAssignmentEntity_from_at",
  "CaseManagerAssignmentEntity"."to_at" AS "CaseManagerAssignmentEntity_to_at",
  "CaseManagerAssignmentEntity"."recorded_at" AS "CaseManagerAssignmentEntity_recorded_at",
  "CaseManagerAssignmentEntity"."note" AS "CaseManagerAssignmentEntity_note",
  "CaseManagerAssignmentEntity"."assigned_by" AS "CaseManagerAssignmentEntity_assigned_by"
FROM
  "case_manager_assignments" "CaseManagerAssignmentEntity"
WHERE
  (
    (
      "CaseManagerAssignmentEntity"."trajectory_id" = $1
    )
  )
ORDER BY
  "CaseManagerAssignmentEntity"."from_at" DESC
LIMIT
  1;

-- TrajectoryStaffRepository.assignmentsOf()
SELECT
  "CaseManagerAssignmentEntity"."id" AS "CaseManagerAssignmentEntity_id",
  "CaseManagerAssignmentEntity"."partnership_id" AS "CaseManagerAssignmentEntity_partnership_id",
  "CaseManagerAssignmentEntity"."trajectory_id" AS "CaseManagerAssignmentEntity_trajectory_id",
  "CaseManagerAssignmentEntity"."participant_id" AS "CaseManagerAssignmentEntity_participant_id",
  "CaseManagerAssignmentEntity"."staff_id" AS "CaseManagerAssignmentEntity_staff_id",
  "CaseManagerAssignmentEntity"."organisation_id" AS "CaseManagerAssignmentEntity_organisation_id",
  "CaseManagerAssignmentEntity"."from_at" AS "CaseManagerAssignmentEntity_from_at",
  "CaseManagerAssignmentEntity"."to_at" AS "CaseManagerAssignmentEntity_to_at",
  "CaseManagerAssignmentEntity"."recorded_at" AS "CaseManagerAssignmentEntity_recorded_at",
  "CaseManagerAssignmentEntity"."note" AS "CaseManagerAssignmentEntity_note",
  "CaseManagerAssignmentEntity"."assigned_by" AS "CaseManagerAssignmentEntity_assigned_by"
FROM
  "case_manager_assignments" "CaseManagerAssignmentEntity"
WHERE
  (
    (
      "CaseManagerAssignmentEntity"."trajectory_id" = $1
    )
  )
ORDER BY
  "CaseManagerAssignmentEntity"."from_at" ASC;

-- TrajectoryStaffRepository.endCurrentAssignments()
UPDATE "case_manager_assignments"
SET
  "to_at" = $1
WHERE
  (
    "trajectory_id" = $2
    AND "to_at" IS NULL
  );

-- TrajectoryStaffRepository.insertAssignment()
INSERT INTO
  "case_manager_assignments" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "staff_id",
    "organisation_id",
    "from_at",
    "to_at",
    "recorded_at",
    "note",
    "assigned_by"
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
    DEFAULT,
    $7,
    $8,
    $9
  )
RETURNING
  "id";

-- TrajectoryStaffRepository.activeCoCoaches()
SELECT
  "CoCoachEntity"."id" AS "CoCoachEntity_id",
  "CoCoachEntity"."partnership_id" AS "CoCoachEntity_partnership_id",
  "CoCoachEntity"."trajectory_id" AS "CoCoachEntity_trajectory_id",
  "CoCoachEntity"."participant_id" AS "CoCoachEntity_participant_id",
  "CoCoachEntity"."staff_id" AS "CoCoachEntity_staff_id",
  "CoCoachEntity"."organisation_id" AS "CoCoachEntity_organisation_id",
  "CoCoachEntity"."added_at" AS "CoCoachEntity_added_at",
  "CoCoachEntity"."removed_at" AS "CoCoachEntity_removed_at",
  "CoCoachEntity"."added_by" AS "CoCoachEntity_added_by"
FROM
  "co_coaches" "CoCoachEntity"
WHERE
  (
    ("CoCoachEntity"."trajectory_id" = $1)
    AND ("CoCoachEntity"."removed_at" IS NULL)
  )
ORDER BY
  "CoCoachEntity"."added_at" ASC;

-- TrajectoryStaffRepository.findActiveCoCoach()
SELECT
  "CoCoachEntity"."id" AS "CoCoachEntity_id",
  "CoCoachEntity"."partnership_id" AS "CoCoachEntity_partnership_id",
  "CoCoachEntity"."trajectory_id" AS "CoCoachEntity_trajectory_id",
  "CoCoachEntity"."participant_id" AS "CoCoachEntity_participant_id",
  "CoCoachEntity"."staff_id" AS "CoCoachEntity_staff_id",
  "CoCoachEntity"."organisation_id" AS "CoCoachEntity_organisation_id",
  "CoCoachEntity"."added_at" AS "CoCoachEntity_added_at",
  "CoCoachEntity"."removed_at" AS "CoCoachEntity_removed_at",
  "CoCoachEntity"."added_by" AS "CoCoachEntity_added_by"
FROM
  "co_coaches" "CoCoachEntity"
WHERE
  (
    ("CoCoachEntity"."trajectory_id" = $1)
    AND ("CoCoachEntity"."staff_id" = $2)
    AND ("CoCoachEntity"."removed_at" IS NULL)
  )
LIMIT
  1;

-- TrajectoryStaffRepository.isActiveCoCoach()
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
      "co_coaches" "CoCoachEntity"
    WHERE
      (
        ("CoCoachEntity"."trajectory_id" = $1)
        AND ("CoCoachEntity"."staff_id" = $2)
        AND ("CoCoachEntity"."removed_at" IS NULL)
      )
  )
LIMIT
  1;

-- TrajectoryStaffRepository.createCoCoach()
INSERT INTO
  "co_coaches" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "staff_id",
    "organisation_id",
    "added_at",
    "removed_at",
    "added_by"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, $7)
RETURNING
  "id";

-- TrajectoryStaffRepository.removeCoCoach()
UPDATE "co_coaches"
SET
  "removed_at" = $1
WHERE
  "id" = $2;
