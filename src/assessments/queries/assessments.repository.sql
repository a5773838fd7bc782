-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AssessmentsRepository.baselines()
SELECT
  "AssessmentEntity"."id" AS "AssessmentEntity_id",
  "AssessmentEntity"."partnership_id" AS "AssessmentEntity_partnership_id",
  "AssessmentEntity"."trajectory_id" AS "AssessmentEntity_trajectory_id",
  "AssessmentEntity"."participant_id" AS "AssessmentEntity_participant_id",
  "AssessmentEntity"."instrument_id" AS "AssessmentEntity_instrument_id",
  "AssessmentEntity"."instrument_key" AS "AssessmentEntity_instrument_key",
  "AssessmentEntity"."instrument_version" AS "AssessmentEntity_instrument_version",
  "AssessmentEntity"."kind" AS "AssessmentEntity_kind",
  "AssessmentEntity"."taken_at" AS "AssessmentEntity_taken_at",
  "AssessmentEntity"."perspective" AS "AssessmentEntity_perspective",
  "AssessmentEntity"."scores" AS "AssessmentEntity_scores",
  "AssessmentEntity"."participant_scores" AS "AssessmentEntity_participant_scores",
  "AssessmentEntity"."note" AS "AssessmentEntity_note",
  "AssessmentEntity"."participant_present" AS "AssessmentEntity_participant_present",
  "AssessmentEntity"."assessed_by" AS "AssessmentEntity_assessed_by",
  "AssessmentEntity"."created_at" AS "AssessmentEntity_created_at"
FROM
  "assessments" "AssessmentEntity"
WHERE
  (
    ("AssessmentEntity"."trajectory_id" = $1)
    AND ("AssessmentEntity"."instrument_key" = $2)
    AND ("AssessmentEntity"."kind" = $3)
  )
ORDER BY
  "AssessmentEntity"."taken_at" ASC,
  "AssessmentEntity"."id" ASC;

-- AssessmentsRepository.insert()
INSERT INTO
  "assessments" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "instrument_id",
    "instrument_key",
    "instrument_version",
    "kind",
    "taken_at",
    "perspective",
    "scores",
    "participant_scores",
    "note",
    "participant_present",
    "assessed_by",
    "created_at"
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
    DEFAULT
  )
RETURNING
  "id",
  "created_at";

-- AssessmentsRepository.findInTrajectory()
SELECT
  "AssessmentEntity"."id" AS "AssessmentEntity_id",
  "AssessmentEntity"."partnership_id" AS "AssessmentEntity_partnership_id",
  "AssessmentEntity"."trajectory_id" AS "AssessmentEntity_trajectory_id",
  "AssessmentEntity"."participant_id" AS "AssessmentEntity_participant_id",
  "AssessmentEntity"."instrument_id" AS "AssessmentEntity_instrument_id",
  "AssessmentEntity"."instrument_key" AS "AssessmentEntity_instrument_key",
  "AssessmentEntity"."instrument_version" AS "AssessmentEntity_instrument_version",
  "AssessmentEntity"."kind" AS "AssessmentEntity_kind",
  "AssessmentEntity"."taken_at" AS "AssessmentEntity_taken_at",
  "AssessmentEntity"."perspective" AS "AssessmentEntity_perspective",
  "AssessmentEntity"."scores" AS "AssessmentEntity_scores",
  "AssessmentEntity"."participant_scores" AS "AssessmentEntity_participant_scores",
  "AssessmentEntity"."note" AS "AssessmentEntity_note",
  "AssessmentEntity"."participant_present" AS "AssessmentEntity_participant_present",
  "AssessmentEntity"."assessed_by" AS "AssessmentEntity_assessed_by",
  "AssessmentEntity"."created_at" AS "AssessmentEntity_created_at"
FROM
  "assessments" "AssessmentEntity"
WHERE
  (
    ("AssessmentEntity"."id" = $1)
    AND ("AssessmentEntity"."trajectory_id" = $2)
  )
LIMIT
  1;

-- AssessmentsRepository.list(all)
SELECT
  "AssessmentEntity"."id" AS "AssessmentEntity_id",
  "AssessmentEntity"."partnership_id" AS "AssessmentEntity_partnership_id",
  "AssessmentEntity"."trajectory_id" AS "AssessmentEntity_trajectory_id",
  "AssessmentEntity"."participant_id" AS "AssessmentEntity_participant_id",
  "AssessmentEntity"."instrument_id" AS "AssessmentEntity_instrument_id",
  "AssessmentEntity"."instrument_key" AS "AssessmentEntity_instrument_key",
  "AssessmentEntity"."instrument_version" AS "AssessmentEntity_instrument_version",
  "AssessmentEntity"."kind" AS "AssessmentEntity_kind",
  "AssessmentEntity"."taken_at" AS "AssessmentEntity_taken_at",
  "AssessmentEntity"."perspective" AS "AssessmentEntity_perspective",
  "AssessmentEntity"."scores" AS "AssessmentEntity_scores",
  "AssessmentEntity"."participant_scores" AS "AssessmentEntity_participant_scores",
  "AssessmentEntity"."note" AS "AssessmentEntity_note",
  "AssessmentEntity"."participant_present" AS "AssessmentEntity_participant_present",
  "AssessmentEntity"."assessed_by" AS "AssessmentEntity_assessed_by",
  "AssessmentEntity"."created_at" AS "AssessmentEntity_created_at"
FROM
  "assessments" "AssessmentEntity"
WHERE
  (("AssessmentEntity"."trajectory_id" = $1))
ORDER BY
  "AssessmentEntity"."taken_at" ASC,
  "AssessmentEntity"."created_at" ASC,
  "AssessmentEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- AssessmentsRepository.list(filtered)
SELECT
  "AssessmentEntity"."id" AS "AssessmentEntity_id",
  "AssessmentEntity"."partnership_id" AS "AssessmentEntity_partnership_id",
  "AssessmentEntity"."trajectory_id" AS "AssessmentEntity_trajectory_id",
  "AssessmentEntity"."participant_id" AS "AssessmentEntity_participant_id",
  "AssessmentEntity"."instrument_id" AS "AssessmentEntity_instrument_id",
  "AssessmentEntity"."instrument_key" AS "AssessmentEntity_instrument_key",
  "AssessmentEntity"."instrument_version" AS "AssessmentEntity_instrument_version",
  "AssessmentEntity"."kind" AS "AssessmentEntity_kind",
  "AssessmentEntity"."taken_at" AS "AssessmentEntity_taken_at",
  "AssessmentEntity"."perspective" AS "AssessmentEntity_perspective",
  "AssessmentEntity"."scores" AS "AssessmentEntity_scores",
  "AssessmentEntity"."participant_scores" AS "AssessmentEntity_participant_scores",
  "AssessmentEntity"."note" AS "AssessmentEntity_note",
  "AssessmentEntity"."participant_present" AS "AssessmentEntity_participant_present",
  "AssessmentEntity"."assessed_by" AS "AssessmentEntity_assessed_by",
  "AssessmentEntity"."created_at" AS "AssessmentEntity_created_at"
FROM
  "assessments" "AssessmentEntity"
WHERE
  (
    ("AssessmentEntity"."trajectory_id" = $1)
    AND ("AssessmentEntity"."instrument_key" = $2)
    AND ("AssessmentEntity"."kind" = $3)
    AND ("AssessmentEntity"."perspective" = $4)
  )
ORDER BY
  "AssessmentEntity"."taken_at" ASC,
  "AssessmentEntity"."created_at" ASC,
  "AssessmentEntity"."id" ASC
LIMIT
  20
OFFSET
  0;

-- AssessmentsRepository.history()
SELECT
  "AssessmentEntity"."id" AS "AssessmentEntity_id",
  "AssessmentEntity"."partnership_id" AS "AssessmentEntity_partnership_id",
  "AssessmentEntity"."trajectory_id" AS "AssessmentEntity_trajectory_id",
  "AssessmentEntity"."participant_id" AS "AssessmentEntity_participant_id",
  "AssessmentEntity"."instrument_id" AS "AssessmentEntity_instrument_id",
  "AssessmentEntity"."instrument_key" AS "AssessmentEntity_instrument_key",
  "AssessmentEntity"."instrument_version" AS "AssessmentEntity_instrument_version",
  "AssessmentEntity"."kind" AS "AssessmentEntity_kind",
  "AssessmentEntity"."taken_at" AS "AssessmentEntity_taken_at",
  "AssessmentEntity"."perspective" AS "AssessmentEntity_perspective",
  "AssessmentEntity"."scores" AS "AssessmentEntity_scores",
  "AssessmentEntity"."participant_scores" AS "AssessmentEntity_participant_scores",
  "AssessmentEntity"."note" AS "AssessmentEntity_note",
  "AssessmentEntity"."participant_present" AS "AssessmentEntity_participant_present",
  "AssessmentEntity"."assessed_by" AS "AssessmentEntity_assessed_by",
  "AssessmentEntity"."created_at" AS "AssessmentEntity_created_at"
FROM
  "assessments" "AssessmentEntity"
WHERE
  (
    ("AssessmentEntity"."trajectory_id" = $1)
    AND ("AssessmentEntity"."instrument_key" = $2)
  )
ORDER BY
  "AssessmentEntity"."taken_at" ASC,
  "AssessmentEntity"."created_at" ASC,
  "AssessmentEntity"."id" ASC;

-- AssessmentsRepository.instrumentKeysUsed()
SELECT distinct
  "a"."instrument_key" AS "instrument_key"
FROM
  "assessments" "a"
WHERE
  "a"."trajectory_id" = $1;
