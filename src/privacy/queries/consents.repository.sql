-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ConsentsRepository.insert()
INSERT INTO
  "consents" (
    "id",
    "partnership_id",
    "participant_id",
    "scope",
    "basis",
    "reference",
    "given_at",
    "evidence",
    "recorded_by",
    "withdrawn_at",
    "withdrawn_by",
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
    DEFAULT
  )
RETURNING
  "id",
  "created_at";

-- ConsentsRepository.ofParticipant()
SELECT
  "ConsentEntity"."id" AS "ConsentEntity_id",
  "ConsentEntity"."partnership_id" AS "ConsentEntity_partnership_id",
  "ConsentEntity"."participant_id" AS "ConsentEntity_participant_id",
  "ConsentEntity"."scope" AS "ConsentEntity_scope",
  "ConsentEntity"."basis" AS "ConsentEntity_basis",
  "ConsentEntity"."reference" AS "ConsentEntity_reference",
  "ConsentEntity"."given_at" AS "ConsentEntity_given_at",
  "ConsentEntity"."evidence" AS "ConsentEntity_evidence",
  "ConsentEntity"."recorded_by" AS "ConsentEntity_recorded_by",
  "ConsentEntity"."withdrawn_at" AS "ConsentEntity_withdrawn_at",
  "ConsentEntity"."withdrawn_by" AS "ConsentEntity_withdrawn_by",
  "ConsentEntity"."created_at" AS "ConsentEntity_created_at"
FROM
  "consents" "ConsentEntity"
WHERE
  (("ConsentEntity"."participant_id" = $1))
ORDER BY
  "ConsentEntity"."given_at" ASC,
  "ConsentEntity"."id" ASC;

-- ConsentsRepository.findOfParticipant()
SELECT
  "ConsentEntity"."id" AS "ConsentEntity_id",
  "ConsentEntity"."partnership_id" AS "ConsentEntity_partnership_id",
  "ConsentEntity"."participant_id" AS "ConsentEntity_participant_id",
  "ConsentEntity"."scope" AS "ConsentEntity_scope",
  "ConsentEntity"."basis" AS "ConsentEntity_basis",
  "ConsentEntity"."reference" AS "ConsentEntity_reference",
  "ConsentEntity"."given_at" AS "ConsentEntity_given_at",
  "ConsentEntity"."evidence" AS "ConsentEntity_evidence",
  "ConsentEntity"."recorded_by" AS "ConsentEntity_recorded_by",
  "ConsentEntity"."withdrawn_at" AS "ConsentEntity_withdrawn_at",
  "ConsentEntity"."withdrawn_by" AS "ConsentEntity_withdrawn_by",
  "ConsentEntity"."created_at" AS "ConsentEntity_created_at"
FROM
  "consents" "ConsentEntity"
WHERE
  (
    ("ConsentEntity"."id" = $1)
    AND ("ConsentEntity"."participant_id" = $2)
  )
LIMIT
  1;

-- ConsentsRepository.withdraw()
UPDATE "consents"
SET
  "withdrawn_at" = $1,
  "withdrawn_by" = $2
WHERE
  "id" = $3
  and "withdrawn_at" is null;

-- ConsentsRepository.hasLive()
select
  1
from
  consents
where
  participant_id = $1
  and scope = $2
  and withdrawn_at is null
  and given_at <= app_now ()
limit
  1;

-- ConsentsRepository.withLive()
select distinct
  participant_id
from
  consents
where
  participant_id = any ($1::uuid[])
  and scope = $2
  and withdrawn_at is null
  and given_at <= app_now ();

-- ConsentsRepository.liveScopes()
select distinct
  c.scope
from
  consents c
where
  c.participant_id = $1
  and c.withdrawn_at is null
  and c.given_at <= app_now ();
