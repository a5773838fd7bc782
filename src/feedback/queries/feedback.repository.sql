-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- FeedbackRepository.create()
INSERT INTO
  "participant_feedback" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "given_at",
    "satisfaction",
    "comment",
    "at_closing",
    "recorded_by",
    "created_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, DEFAULT)
RETURNING
  "id",
  "created_at";

-- FeedbackRepository.page()
SELECT
  "FeedbackEntity"."id" AS "FeedbackEntity_id",
  "FeedbackEntity"."partnership_id" AS "FeedbackEntity_partnership_id",
  "FeedbackEntity"."trajectory_id" AS "FeedbackEntity_trajectory_id",
  "FeedbackEntity"."participant_id" AS "FeedbackEntity_participant_id",
  "FeedbackEntity"."given_at" AS "FeedbackEntity_given_at",
  "FeedbackEntity"."satisfaction" AS "FeedbackEntity_satisfaction",
  "FeedbackEntity"."comment" AS "FeedbackEntity_comment",
  "FeedbackEntity"."at_closing" AS "FeedbackEntity_at_closing",
  "FeedbackEntity"."recorded_by" AS "FeedbackEntity_recorded_by",
  "FeedbackEntity"."created_at" AS "FeedbackEntity_created_at"
FROM
  "participant_feedback" "FeedbackEntity"
WHERE
  (("FeedbackEntity"."trajectory_id" = $1))
ORDER BY
  "FeedbackEntity"."given_at" ASC,
  "FeedbackEntity"."created_at" ASC,
  "FeedbackEntity"."id" ASC
LIMIT
  50
OFFSET
  0;
