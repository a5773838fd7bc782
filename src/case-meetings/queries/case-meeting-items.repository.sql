-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- CaseMeetingItemsRepository.createItem()
SELECT
  "CaseMeetingItemEntity"."id" AS "CaseMeetingItemEntity_id",
  "CaseMeetingItemEntity"."partnership_id" AS "CaseMeetingItemEntity_partnership_id",
  "CaseMeetingItemEntity"."case_meeting_id" AS "CaseMeetingItemEntity_case_meeting_id",
  "CaseMeetingItemEntity"."trajectory_id" AS "CaseMeetingItemEntity_trajectory_id",
  "CaseMeetingItemEntity"."participant_id" AS "CaseMeetingItemEntity_participant_id",
  "CaseMeetingItemEntity"."participant_present" AS "CaseMeetingItemEntity_participant_present",
  "CaseMeetingItemEntity"."basis" AS "CaseMeetingItemEntity_basis",
  "CaseMeetingItemEntity"."summary" AS "CaseMeetingItemEntity_summary",
  "CaseMeetingItemEntity"."decisions" AS "CaseMeetingItemEntity_decisions",
  "CaseMeetingItemEntity"."referral_id" AS "CaseMeetingItemEntity_referral_id",
  "CaseMeetingItemEntity"."contact_id" AS "CaseMeetingItemEntity_contact_id",
  "CaseMeetingItemEntity"."author_id" AS "CaseMeetingItemEntity_author_id",
  "CaseMeetingItemEntity"."author_organisation_id" AS "CaseMeetingItemEntity_author_organisation_id",
  "CaseMeetingItemEntity"."created_at" AS "CaseMeetingItemEntity_created_at"
FROM
  "case_meeting_items" "CaseMeetingItemEntity"
WHERE
  "CaseMeetingItemEntity"."id" = $1;
INSERT INTO
  "case_meeting_items" (
    "id",
    "partnership_id",
    "case_meeting_id",
    "trajectory_id",
    "participant_id",
    "participant_present",
    "basis",
    "summary",
    "decisions",
    "referral_id",
    "contact_id",
    "author_id",
    "author_organisation_id",
    "created_at"
  )
VALUES
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
    $12,
    $13,
    DEFAULT
  )
RETURNING
  "id",
  "created_at";

-- CaseMeetingItemsRepository.createActions()
INSERT INTO
  "case_meeting_actions" (
    "id",
    "partnership_id",
    "case_meeting_id",
    "item_id",
    "participant_id",
    "description",
    "owner_staff_id",
    "due_at",
    "completed_at",
    "completed_by",
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
    DEFAULT,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at";

-- CaseMeetingItemsRepository.itemsOf()
SELECT
  "CaseMeetingItemEntity"."id" AS "CaseMeetingItemEntity_id",
  "CaseMeetingItemEntity"."partnership_id" AS "CaseMeetingItemEntity_partnership_id",
  "CaseMeetingItemEntity"."case_meeting_id" AS "CaseMeetingItemEntity_case_meeting_id",
  "CaseMeetingItemEntity"."trajectory_id" AS "CaseMeetingItemEntity_trajectory_id",
  "CaseMeetingItemEntity"."participant_id" AS "CaseMeetingItemEntity_participant_id",
  "CaseMeetingItemEntity"."participant_present" AS "CaseMeetingItemEntity_participant_present",
  "CaseMeetingItemEntity"."basis" AS "CaseMeetingItemEntity_basis",
  "CaseMeetingItemEntity"."summary" AS "CaseMeetingItemEntity_summary",
  "CaseMeetingItemEntity"."decisions" AS "CaseMeetingItemEntity_decisions",
  "CaseMeetingItemEntity"."referral_id" AS "CaseMeetingItemEntity_referral_id",
  "CaseMeetingItemEntity"."contact_id" AS "CaseMeetingItemEntity_contact_id",
  "CaseMeetingItemEntity"."author_id" AS "CaseMeetingItemEntity_author_id",
  "CaseMeetingItemEntity"."author_organisation_id" AS "CaseMeetingItemEntity_author_organisation_id",
  "CaseMeetingItemEntity"."created_at" AS "CaseMeetingItemEntity_created_at"
FROM
  "case_meeting_items" "CaseMeetingItemEntity"
WHERE
  (("CaseMeetingItemEntity"."case_meeting_id" = $1))
ORDER BY
  "CaseMeetingItemEntity"."created_at" ASC;

-- CaseMeetingItemsRepository.findItem()
SELECT
  "CaseMeetingItemEntity"."id" AS "CaseMeetingItemEntity_id",
  "CaseMeetingItemEntity"."partnership_id" AS "CaseMeetingItemEntity_partnership_id",
  "CaseMeetingItemEntity"."case_meeting_id" AS "CaseMeetingItemEntity_case_meeting_id",
  "CaseMeetingItemEntity"."trajectory_id" AS "CaseMeetingItemEntity_trajectory_id",
  "CaseMeetingItemEntity"."participant_id" AS "CaseMeetingItemEntity_participant_id",
  "CaseMeetingItemEntity"."participant_present" AS "CaseMeetingItemEntity_participant_present",
  "CaseMeetingItemEntity"."basis" AS "CaseMeetingItemEntity_basis",
  "CaseMeetingItemEntity"."summary" AS "CaseMeetingItemEntity_summary",
  "CaseMeetingItemEntity"."decisions" AS "CaseMeetingItemEntity_decisions",
  "CaseMeetingItemEntity"."referral_id" AS "CaseMeetingItemEntity_referral_id",
  "CaseMeetingItemEntity"."contact_id" AS "CaseMeetingItemEntity_contact_id",
  "CaseMeetingItemEntity"."author_id" AS "CaseMeetingItemEntity_author_id",
  "CaseMeetingItemEntity"."author_organisation_id" AS "CaseMeetingItemEntity_author_organisation_id",
  "CaseMeetingItemEntity"."created_at" AS "CaseMeetingItemEntity_created_at"
FROM
  "case_meeting_items" "CaseMeetingItemEntity"
WHERE
  (
    ("CaseMeetingItemEntity"."id" = $1)
    AND ("CaseMeetingItemEntity"."case_meeting_id" = $2)
  )
LIMIT
  1;

-- CaseMeetingItemsRepository.updateItem()
UPDATE "case_meeting_items"
SET
  "summary" = $1
WHERE
  "id" = $2;

-- CaseMeetingItemsRepository.deleteItem()
DELETE FROM "case_meeting_actions"
WHERE
  "item_id" = $1;
DELETE FROM "case_meeting_items"
WHERE
  "id" = $1;

-- CaseMeetingItemsRepository.actionsOf()
SELECT
  "CaseMeetingActionEntity"."id" AS "CaseMeetingActionEntity_id",
  "CaseMeetingActionEntity"."partnership_id" AS "CaseMeetingActionEntity_partnership_id",
  "CaseMeetingActionEntity"."case_meeting_id" AS "CaseMeetingActionEntity_case_meeting_id",
  "CaseMeetingActionEntity"."item_id" AS "CaseMeetingActionEntity_item_id",
  "CaseMeetingActionEntity"."participant_id" AS "CaseMeetingActionEntity_participant_id",
  "CaseMeetingActionEntity"."description" AS "CaseMeetingActionEntity_description",
  "CaseMeetingActionEntity"."owner_staff_id" AS "CaseMeetingActionEntity_owner_staff_id",
  "CaseMeetingActionEntity"."due_at" AS "CaseMeetingActionEntity_due_at",
  "CaseMeetingActionEntity"."completed_at" AS "CaseMeetingActionEntity_completed_at",
  "CaseMeetingActionEntity"."completed_by" AS "CaseMeetingActionEntity_completed_by",
  "CaseMeetingActionEntity"."created_at" AS "CaseMeetingActionEntity_created_at"
FROM
  "case_meeting_actions" "CaseMeetingActionEntity"
WHERE
  (
    ("CaseMeetingActionEntity"."case_meeting_id" = $1)
  )
ORDER BY
  "CaseMeetingActionEntity"."due_at" ASC;

-- CaseMeetingItemsRepository.actionsOfItem()
SELECT
  "CaseMeetingActionEntity"."id" AS "CaseMeetingActionEntity_id",
  "CaseMeetingActionEntity"."partnership_id" AS "CaseMeetingActionEntity_partnership_id",
  "CaseMeetingActionEntity"."case_meeting_id" AS "CaseMeetingActionEntity_case_meeting_id",
  "CaseMeetingActionEntity"."item_id" AS "CaseMeetingActionEntity_item_id",
  "CaseMeetingActionEntity"."participant_id" AS "CaseMeetingActionEntity_participant_id",
  "CaseMeetingActionEntity"."description" AS "CaseMeetingActionEntity_description",
  "CaseMeetingActionEntity"."owner_staff_id" AS "CaseMeetingActionEntity_owner_staff_id",
  "CaseMeetingActionEntity"."due_at" AS "CaseMeetingActionEntity_due_at",
  "CaseMeetingActionEntity"."completed_at" AS "CaseMeetingActionEntity_completed_at",
  "CaseMeetingActionEntity"."completed_by" AS "CaseMeetingActionEntity_completed_by",
  "CaseMeetingActionEntity"."created_at" AS "CaseMeetingActionEntity_created_at"
FROM
  "case_meeting_actions" "CaseMeetingActionEntity"
WHERE
  (("CaseMeetingActionEntity"."item_id" = $1))
ORDER BY
  "CaseMeetingActionEntity"."due_at" ASC;

-- CaseMeetingItemsRepository.findAction()
SELECT
  "CaseMeetingActionEntity"."id" AS "CaseMeetingActionEntity_id",
  "CaseMeetingActionEntity"."partnership_id" AS "CaseMeetingActionEntity_partnership_id",
  "CaseMeetingActionEntity"."case_meeting_id" AS "CaseMeetingActionEntity_case_meeting_id",
  "CaseMeetingActionEntity"."item_id" AS "CaseMeetingActionEntity_item_id",
  "CaseMeetingActionEntity"."participant_id" AS "CaseMeetingActionEntity_participant_id",
  "CaseMeetingActionEntity"."description" AS "CaseMeetingActionEntity_description",
  "CaseMeetingActionEntity"."owner_staff_id" AS "CaseMeetingActionEntity_owner_staff_id",
  "CaseMeetingActionEntity"."due_at" AS "CaseMeetingActionEntity_due_at",
  "CaseMeetingActionEntity"."completed_at" AS "CaseMeetingActionEntity_completed_at",
  "CaseMeetingActionEntity"."completed_by" AS "CaseMeetingActionEntity_completed_by",
  "CaseMeetingActionEntity"."created_at" AS "CaseMeetingActionEntity_created_at"
FROM
  "case_meeting_actions" "CaseMeetingActionEntity"
WHERE
  (
    ("CaseMeetingActionEntity"."id" = $1)
    AND ("CaseMeetingActionEntity"."case_meeting_id" = $2)
  )
LIMIT
  1;

-- CaseMeetingItemsRepository.findActionById()
SELECT
  "CaseMeetingActionEntity"."id" AS "CaseMeetingActionEntity_id",
  "CaseMeetingActionEntity"."partnership_id" AS "CaseMeetingActionEntity_partnership_id",
  "CaseMeetingActionEntity"."case_meeting_id" AS "CaseMeetingActionEntity_case_meeting_id",
  "CaseMeetingActionEntity"."item_id" AS "CaseMeetingActionEntity_item_id",
  "CaseMeetingActionEntity"."participant_id" AS "CaseMeetingActionEntity_participant_id",
  "CaseMeetingActionEntity"."description" AS "CaseMeetingActionEntity_description",
  "CaseMeetingActionEntity"."owner_staff_id" AS "CaseMeetingActionEntity_owner_staff_id",
  "CaseMeetingActionEntity"."due_at" AS "CaseMeetingActionEntity_due_at",
  "CaseMeetingActionEntity"."completed_at" AS "CaseMeetingActionEntity_completed_at",
  "CaseMeetingActionEntity"."completed_by" AS "CaseMeetingActionEntity_completed_by",
  "CaseMeetingActionEntity"."created_at" AS "CaseMeetingActionEntity_created_at"
FROM
  "case_meeting_actions" "CaseMeetingActionEntity"
WHERE
  (("CaseMeetingActionEntity"."id" = $1))
LIMIT
  1;

-- CaseMeetingItemsRepository.completeAction()
UPDATE "case_meeting_actions"
SET
  "completed_at" = $1,
  "completed_by" = $2
WHERE
  (
    "id" = $3
    AND "completed_at" IS NULL
  );

-- CaseMeetingItemsRepository.openActionsOf()
SELECT
  "CaseMeetingActionEntity"."id" AS "CaseMeetingActionEntity_id",
  "CaseMeetingActionEntity"."partnership_id" AS "CaseMeetingActionEntity_partnership_id",
  "CaseMeetingActionEntity"."case_meeting_id" AS "CaseMeetingActionEntity_case_meeting_id",
  "CaseMeetingActionEntity"."item_id" AS "CaseMeetingActionEntity_item_id",
  "CaseMeetingActionEntity"."participant_id" AS "CaseMeetingActionEntity_participant_id",
  "CaseMeetingActionEntity"."description" AS "CaseMeetingActionEntity_description",
  "CaseMeetingActionEntity"."owner_staff_id" AS "CaseMeetingActionEntity_owner_staff_id",
  "CaseMeetingActionEntity"."due_at" AS "CaseMeetingActionEntity_due_at",
  "CaseMeetingActionEntity"."completed_at" AS "CaseMeetingActionEntity_completed_at",
  "CaseMeetingActionEntity"."completed_by" AS "CaseMeetingActionEntity_completed_by",
  "CaseMeetingActionEntity"."created_at" AS "CaseMeetingActionEntity_created_at"
FROM
  "case_meeting_actions" "CaseMeetingActionEntity"
WHERE
  (
    ("CaseMeetingActionEntity"."owner_staff_id" = $1)
    AND ("CaseMeetingActionEntity"."completed_at" IS NULL)
  )
ORDER BY
  "CaseMeetingActionEntity"."due_at" ASC,
  "CaseMeetingActionEntity"."id" ASC
LIMIT
  100;
