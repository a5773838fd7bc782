-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ValueQuestionsRepository.findByItem()
SELECT
  "ValueQuestionEntity"."id" AS "ValueQuestionEntity_id",
  "ValueQuestionEntity"."partnership_id" AS "ValueQuestionEntity_partnership_id",
  "ValueQuestionEntity"."case_meeting_id" AS "ValueQuestionEntity_case_meeting_id",
  "ValueQuestionEntity"."item_id" AS "ValueQuestionEntity_item_id",
  "ValueQuestionEntity"."trajectory_id" AS "ValueQuestionEntity_trajectory_id",
  "ValueQuestionEntity"."participant_id" AS "ValueQuestionEntity_participant_id",
  "ValueQuestionEntity"."team_id" AS "ValueQuestionEntity_team_id",
  "ValueQuestionEntity"."meeting_at" AS "ValueQuestionEntity_meeting_at",
  "ValueQuestionEntity"."value_question" AS "ValueQuestionEntity_value_question",
  "ValueQuestionEntity"."waste" AS "ValueQuestionEntity_waste",
  "ValueQuestionEntity"."recorded_by" AS "ValueQuestionEntity_recorded_by",
  "ValueQuestionEntity"."recorded_by_organisation_id" AS "ValueQuestionEntity_recorded_by_organisation_id",
  "ValueQuestionEntity"."version" AS "ValueQuestionEntity_version",
  "ValueQuestionEntity"."created_at" AS "ValueQuestionEntity_created_at",
  "ValueQuestionEntity"."updated_at" AS "ValueQuestionEntity_updated_at"
FROM
  "case_meeting_value_questions" "ValueQuestionEntity"
WHERE
  (("ValueQuestionEntity"."item_id" = $1))
LIMIT
  1;

-- ValueQuestionsRepository.insert()
INSERT INTO
  "case_meeting_value_questions" (
    "id",
    "partnership_id",
    "case_meeting_id",
    "item_id",
    "trajectory_id",
    "participant_id",
    "team_id",
    "meeting_at",
    "value_question",
    "waste",
    "recorded_by",
    "recorded_by_organisation_id",
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
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "version",
  "created_at",
  "updated_at";

-- ValueQuestionsRepository.update()
UPDATE "case_meeting_value_questions"
SET
  "waste" = $1,
  "recorded_by" = $2,
  "recorded_by_organisation_id" = $3,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $4;

-- ValueQuestionsRepository.quarter()
set
  local role jobteam_tenant_reader;
select
  v.participant_id,
  v.meeting_at,
  t.name as team,
  v.value_question,
  v.waste,
  p.first_name,
  p.last_name
from
  case_meeting_value_questions v
  join teams t on t.id = v.team_id
  join participants p on p.id = v.participant_id
where
  v.partnership_id = app_tenant ()
  and v.meeting_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and v.meeting_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
  and (
    v.value_question is not null
    or v.waste is not null
  )
order by
  v.meeting_at,
  v.id;
reset role;
