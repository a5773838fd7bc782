-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- InstrumentsRepository.list()
SELECT
  "i"."id" AS "i_id",
  "i"."partnership_id" AS "i_partnership_id",
  "i"."key" AS "i_key",
  "i"."name" AS "i_name",
  "i"."version" AS "i_version",
  "i"."dimensions" AS "i_dimensions",
  "i"."scale_min" AS "i_scale_min",
  "i"."scale_max" AS "i_scale_max",
  "i"."anchors" AS "i_anchors",
  "i"."review_interval_months" AS "i_review_interval_months",
  "i"."baseline_due_weeks" AS "i_baseline_due_weeks",
  "i"."progress_threshold" AS "i_progress_threshold",
  "i"."regression_threshold" AS "i_regression_threshold",
  "i"."release_threshold" AS "i_release_threshold",
  "i"."created_by" AS "i_created_by",
  "i"."created_at" AS "i_created_at"
FROM
  "instruments" "i"
WHERE
  "i"."key" = $1
  AND not exists (
    select
      1
    from
      instruments newer
    where
      newer.key = "i"."key"
      and newer.version > "i"."version"
  )
ORDER BY
  "i"."key" ASC,
  "i"."version" ASC,
  "i"."partnership_id" ASC NULLS FIRST
LIMIT
  50
OFFSET
  0;

-- InstrumentsRepository.findById()
select
  "id",
  "partnership_id",
  "key",
  "name",
  "version",
  "dimensions",
  "scale_min",
  "scale_max",
  "anchors",
  "review_interval_months",
  "baseline_due_weeks",
  "progress_threshold",
  "regression_threshold",
  "release_threshold",
  "created_by",
  "created_at"
from
  "instruments"
where
  "id" = $1;

-- InstrumentsRepository.findByIds()
SELECT
  "InstrumentEntity"."id" AS "InstrumentEntity_id",
  "InstrumentEntity"."partnership_id" AS "InstrumentEntity_partnership_id",
  "InstrumentEntity"."key" AS "InstrumentEntity_key",
  "InstrumentEntity"."name" AS "InstrumentEntity_name",
  "InstrumentEntity"."version" AS "InstrumentEntity_version",
  "InstrumentEntity"."dimensions" AS "InstrumentEntity_dimensions",
  "InstrumentEntity"."scale_min" AS "InstrumentEntity_scale_min",
  "InstrumentEntity"."scale_max" AS "InstrumentEntity_scale_max",
  "InstrumentEntity"."anchors" AS "InstrumentEntity_anchors",
  "InstrumentEntity"."review_interval_months" AS "InstrumentEntity_review_interval_months",
  "InstrumentEntity"."baseline_due_weeks" AS "InstrumentEntity_baseline_due_weeks",
  "InstrumentEntity"."progress_threshold" AS "InstrumentEntity_progress_threshold",
  "InstrumentEntity"."regression_threshold" AS "InstrumentEntity_regression_threshold",
  "InstrumentEntity"."release_threshold" AS "InstrumentEntity_release_threshold",
  "InstrumentEntity"."created_by" AS "InstrumentEntity_created_by",
  "InstrumentEntity"."created_at" AS "InstrumentEntity_created_at"
FROM
  "instruments" "InstrumentEntity"
WHERE
  (("InstrumentEntity"."id" IN ($1)));

-- InstrumentsRepository.findByKey(newest)
SELECT
  "i"."id" AS "i_id",
  "i"."partnership_id" AS "i_partnership_id",
  "i"."key" AS "i_key",
  "i"."name" AS "i_name",
  "i"."version" AS "i_version",
  "i"."dimensions" AS "i_dimensions",
  "i"."scale_min" AS "i_scale_min",
  "i"."scale_max" AS "i_scale_max",
  "i"."anchors" AS "i_anchors",
  "i"."review_interval_months" AS "i_review_interval_months",
  "i"."baseline_due_weeks" AS "i_baseline_due_weeks",
  "i"."progress_threshold" AS "i_progress_threshold",
  "i"."regression_threshold" AS "i_regression_threshold",
  "i"."release_threshold" AS "i_release_threshold",
  "i"."created_by" AS "i_created_by",
  "i"."created_at" AS "i_created_at"
FROM
  "instruments" "i"
WHERE
  "i"."key" = $1
ORDER BY
  "i"."version" DESC,
  "i"."partnership_id" ASC NULLS LAST;

-- InstrumentsRepository.findByKey(version)
SELECT
  "i"."id" AS "i_id",
  "i"."partnership_id" AS "i_partnership_id",
  "i"."key" AS "i_key",
  "i"."name" AS "i_name",
  "i"."version" AS "i_version",
  "i"."dimensions" AS "i_dimensions",
  "i"."scale_min" AS "i_scale_min",
  "i"."scale_max" AS "i_scale_max",
  "i"."anchors" AS "i_anchors",
  "i"."review_interval_months" AS "i_review_interval_months",
  "i"."baseline_due_weeks" AS "i_baseline_due_weeks",
  "i"."progress_threshold" AS "i_progress_threshold",
  "i"."regression_threshold" AS "i_regression_threshold",
  "i"."release_threshold" AS "i_release_threshold",
  "i"."created_by" AS "i_created_by",
  "i"."created_at" AS "i_created_at"
FROM
  "instruments" "i"
WHERE
  "i"."key" = $1
  AND "i"."version" = $2
ORDER BY
  "i"."version" DESC,
  "i"."partnership_id" ASC NULLS LAST;

-- InstrumentsRepository.insertNextVersion()
select
  pg_advisory_xact_lock(hashtextextended ($1, 0));
select
  coalesce(max(version), 0)::int as latest
from
  instruments
where
  key = $1;
INSERT INTO
  "instruments" (
    "id",
    "partnership_id",
    "key",
    "name",
    "version",
    "dimensions",
    "scale_min",
    "scale_max",
    "anchors",
    "review_interval_months",
    "baseline_due_weeks",
    "progress_threshold",
    "regression_threshold",
    "release_threshold",
    "created_by",
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

-- InstrumentsRepository.latestSchedules()
select distinct
  on (key) key,
  baseline_due_weeks,
  review_interval_months
from
  instruments
order by
  key,
  version desc,
  partnership_id nulls last;
