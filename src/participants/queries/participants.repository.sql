-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- ParticipantsRepository.newId()
select
  gen_random_uuid() as id;

-- ParticipantsRepository.create()
SELECT
  "ParticipantEntity"."id" AS "ParticipantEntity_id",
  "ParticipantEntity"."partnership_id" AS "ParticipantEntity_partnership_id",
  "ParticipantEntity"."owner_organisation_id" AS "ParticipantEntity_owner_organisation_id",
  "ParticipantEntity"."first_name" AS "ParticipantEntity_first_name",
  "ParticipantEntity"."last_name" AS "ParticipantEntity_last_name",
  "ParticipantEntity"."search_name" AS "ParticipantEntity_search_name",
  "ParticipantEntity"."name_key" AS "ParticipantEntity_name_key",
  "ParticipantEntity"."birth_date" AS "ParticipantEntity_birth_date",
  "ParticipantEntity"."gender" AS "ParticipantEntity_gender",
  "ParticipantEntity"."insz_hash" AS "ParticipantEntity_insz_hash",
  "ParticipantEntity"."insz_encrypted" AS "ParticipantEntity_insz_encrypted",
  "ParticipantEntity"."phone" AS "ParticipantEntity_phone",
  "ParticipantEntity"."email" AS "ParticipantEntity_email",
  "ParticipantEntity"."street" AS "ParticipantEntity_street",
  "ParticipantEntity"."postal_code" AS "ParticipantEntity_postal_code",
  "ParticipantEntity"."city" AS "ParticipantEntity_city",
  "ParticipantEntity"."wijk" AS "ParticipantEntity_wijk",
  "ParticipantEntity"."contact_language" AS "ParticipantEntity_contact_language",
  "ParticipantEntity"."nationality" AS "ParticipantEntity_nationality",
  "ParticipantEntity"."entry_date" AS "ParticipantEntity_entry_date",
  "ParticipantEntity"."labour_status" AS "ParticipantEntity_labour_status",
  "ParticipantEntity"."long_term_unemployed" AS "ParticipantEntity_long_term_unemployed",
  "ParticipantEntity"."education_level" AS "ParticipantEntity_education_level",
  "ParticipantEntity"."single_adult_household_with_children" AS "ParticipantEntity_single_adult_household_with_children",
  "ParticipantEntity"."third_country_national" AS "ParticipantEntity_third_country_national",
  "ParticipantEntity"."foreign_background" AS "ParticipantEntity_foreign_background",
  "ParticipantEntity"."homeless_or_housing_exclusion" AS "ParticipantEntity_homeless_or_housing_exclusion",
  "ParticipantEntity"."rural_area" AS "ParticipantEntity_rural_area",
  "ParticipantEntity"."disability" AS "ParticipantEntity_disability",
  "ParticipantEntity"."minority" AS "ParticipantEntity_minority",
  "ParticipantEntity"."referral_channel" AS "ParticipantEntity_referral_channel",
  "ParticipantEntity"."referrer" AS "ParticipantEntity_referrer",
  "ParticipantEntity"."current_trajectory_id" AS "ParticipantEntity_current_trajectory_id",
  "ParticipantEntity"."current_status" AS "ParticipantEntity_current_status",
  "ParticipantEntity"."case_manager_id" AS "ParticipantEntity_case_manager_id",
  "ParticipantEntity"."team_id" AS "ParticipantEntity_team_id",
  "ParticipantEntity"."vdab_trajectory_status" AS "ParticipantEntity_vdab_trajectory_status",
  "ParticipantEntity"."vdab_checked_at" AS "ParticipantEntity_vdab_checked_at",
  "ParticipantEntity"."vdab_checked_by" AS "ParticipantEntity_vdab_checked_by",
  "ParticipantEntity"."pseudonymised_at" AS "ParticipantEntity_pseudonymised_at",
  "ParticipantEntity"."created_by" AS "ParticipantEntity_created_by",
  "ParticipantEntity"."version" AS "ParticipantEntity_version",
  "ParticipantEntity"."created_at" AS "ParticipantEntity_created_at",
  "ParticipantEntity"."updated_at" AS "ParticipantEntity_updated_at"
FROM
  "participants" "ParticipantEntity"
WHERE
  "ParticipantEntity"."id" = $1;
INSERT INTO
  "participants" (
    "id",
    "partnership_id",
    "owner_organisation_id",
    "first_name",
    "last_name",
    "search_name",
    "name_key",
    "birth_date",
    "gender",
    "insz_hash",
    "insz_encrypted",
    "phone",
    "email",
    "street",
    "postal_code",
    "city",
    "wijk",
    "contact_language",
    "nationality",
    "entry_date",
    "labour_status",
    "long_term_unemployed",
    "education_level",
    "single_adult_household_with_children",
    "third_country_national",
    "foreign_background",
    "homeless_or_housing_exclusion",
    "rural_area",
    "disability",
    "minority",
    "referral_channel",
    "referrer",
    "current_trajectory_id",
    "current_status",
    "case_manager_id",
    "team_id",
    "vdab_trajectory_status",
    "vdab_checked_at",
    "vdab_checked_by",
    "pseudonymised_at",
    "created_by",
    "version",
    "created_at",
    "updated_at"
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
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    $10,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    $11,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    DEFAULT,
    $12,
    $13,
    DEFAULT,
    DEFAULT
  )
RETURNING
  "id",
  "created_at",
  "updated_at";

-- ParticipantsRepository.find()
select
  "id",
  "partnership_id",
  "owner_organisation_id",
  "first_name",
  "last_name",
  "search_name",
  "name_key",
  "birth_date",
  "gender",
  "insz_hash",
  "insz_encrypted",
  "phone",
  "email",
  "street",
  "postal_code",
  "city",
  "wijk",
  "contact_language",
  "nationality",
  "entry_date",
  "labour_status",
  "long_term_unemployed",
  "education_level",
  "single_adult_household_with_children",
  "third_country_national",
  "foreign_background",
  "homeless_or_housing_exclusion",
  "rural_area",
  "disability",
  "minority",
  "referral_channel",
  "referrer",
  "current_trajectory_id",
  "current_status",
  "case_manager_id",
  "team_id",
  "vdab_trajectory_status",
  "vdab_checked_at",
  "vdab_checked_by",
  "pseudonymised_at",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "participants"
where
  "id" = $1;

-- ParticipantsRepository.findByIds()
SELECT
  "ParticipantEntity"."id" AS "ParticipantEntity_id",
  "ParticipantEntity"."partnership_id" AS "ParticipantEntity_partnership_id",
  "ParticipantEntity"."owner_organisation_id" AS "ParticipantEntity_owner_organisation_id",
  "ParticipantEntity"."first_name" AS "ParticipantEntity_first_name",
  "ParticipantEntity"."last_name" AS "ParticipantEntity_last_name",
  "ParticipantEntity"."search_name" AS "ParticipantEntity_search_name",
  "ParticipantEntity"."name_key" AS "ParticipantEntity_name_key",
  "ParticipantEntity"."birth_date" AS "ParticipantEntity_birth_date",
  "ParticipantEntity"."gender" AS "ParticipantEntity_gender",
  "ParticipantEntity"."insz_hash" AS "ParticipantEntity_insz_hash",
  "ParticipantEntity"."insz_encrypted" AS "ParticipantEntity_insz_encrypted",
  "ParticipantEntity"."phone" AS "ParticipantEntity_phone",
  "ParticipantEntity"."email" AS "ParticipantEntity_email",
  "ParticipantEntity"."street" AS "ParticipantEntity_street",
  "ParticipantEntity"."postal_code" AS "ParticipantEntity_postal_code",
  "ParticipantEntity"."city" AS "ParticipantEntity_city",
  "ParticipantEntity"."wijk" AS "ParticipantEntity_wijk",
  "ParticipantEntity"."contact_language" AS "ParticipantEntity_contact_language",
  "ParticipantEntity"."nationality" AS "ParticipantEntity_nationality",
  "ParticipantEntity"."entry_date" AS "ParticipantEntity_entry_date",
  "ParticipantEntity"."labour_status" AS "ParticipantEntity_labour_status",
  "ParticipantEntity"."long_term_unemployed" AS "ParticipantEntity_long_term_unemployed",
  "ParticipantEntity"."education_level" AS "ParticipantEntity_education_level",
  "ParticipantEntity"."single_adult_household_with_children" AS "ParticipantEntity_single_adult_household_with_children",
  "ParticipantEntity"."third_country_national" AS "ParticipantEntity_third_country_national",
  "ParticipantEntity"."foreign_background" AS "ParticipantEntity_foreign_background",
  "ParticipantEntity"."homeless_or_housing_exclusion" AS "ParticipantEntity_homeless_or_housing_exclusion",
  "ParticipantEntity"."rural_area" AS "ParticipantEntity_rural_area",
  "ParticipantEntity"."disability" AS "ParticipantEntity_disability",
  "ParticipantEntity"."minority" AS "ParticipantEntity_minority",
  "ParticipantEntity"."referral_channel" AS "ParticipantEntity_referral_channel",
  "ParticipantEntity"."referrer" AS "ParticipantEntity_referrer",
  "ParticipantEntity"."current_trajectory_id" AS "ParticipantEntity_current_trajectory_id",
  "ParticipantEntity"."current_status" AS "ParticipantEntity_current_status",
  "ParticipantEntity"."case_manager_id" AS "ParticipantEntity_case_manager_id",
  "ParticipantEntity"."team_id" AS "ParticipantEntity_team_id",
  "ParticipantEntity"."vdab_trajectory_status" AS "ParticipantEntity_vdab_trajectory_status",
  "ParticipantEntity"."vdab_checked_at" AS "ParticipantEntity_vdab_checked_at",
  "ParticipantEntity"."vdab_checked_by" AS "ParticipantEntity_vdab_checked_by",
  "ParticipantEntity"."pseudonymised_at" AS "ParticipantEntity_pseudonymised_at",
  "ParticipantEntity"."created_by" AS "ParticipantEntity_created_by",
  "ParticipantEntity"."version" AS "ParticipantEntity_version",
  "ParticipantEntity"."created_at" AS "ParticipantEntity_created_at",
  "ParticipantEntity"."updated_at" AS "ParticipantEntity_updated_at"
FROM
  "participants" "ParticipantEntity"
WHERE
  (("ParticipantEntity"."id" IN ($1)));

-- ParticipantsRepository.namesOf()
SELECT
  "ParticipantEntity"."id" AS "ParticipantEntity_id",
  "ParticipantEntity"."first_name" AS "ParticipantEntity_first_name",
  "ParticipantEntity"."last_name" AS "ParticipantEntity_last_name"
FROM
  "participants" "ParticipantEntity"
WHERE
  (("ParticipantEntity"."id" IN ($1)));

-- ParticipantsRepository.namesAndPhonesOf()
SELECT
  "ParticipantEntity"."id" AS "ParticipantEntity_id",
  "ParticipantEntity"."first_name" AS "ParticipantEntity_first_name",
  "ParticipantEntity"."last_name" AS "ParticipantEntity_last_name",
  "ParticipantEntity"."phone" AS "ParticipantEntity_phone"
FROM
  "participants" "ParticipantEntity"
WHERE
  (("ParticipantEntity"."id" IN ($1)));

-- ParticipantsRepository.currentTrajectoryOf()
SELECT
  "ParticipantEntity"."id" AS "ParticipantEntity_id",
  "ParticipantEntity"."current_trajectory_id" AS "ParticipantEntity_current_trajectory_id",
  "ParticipantEntity"."current_status" AS "ParticipantEntity_current_status"
FROM
  "participants" "ParticipantEntity"
WHERE
  (("ParticipantEntity"."id" = $1))
LIMIT
  1;

-- ParticipantsRepository.existsInTenant()
set
  local role jobteam_tenant_reader;
select
  1
from
  participants
where
  id = $1;
reset role;

-- ParticipantsRepository.ownerOf()
select
  p.owner_organisation_id as owner
from
  participants p
where
  p.id = $1;

-- ParticipantsRepository.isNamedIn()
select
  1
from
  participants p
where
  p.pseudonymised_at is null
  and (
    position(
      ' ' || split_part(p.name_key, '|', 1) || ' ' || split_part(p.name_key, '|', 2) || ' ' in $1
    ) > 0
    or position(
      ' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1) || ' ' in $1
    ) > 0
  )
limit
  1;

-- ParticipantsRepository.exists()
select
  1
from
  participants
where
  id = $1;

-- ParticipantsRepository.search(all)
SELECT
  "p"."id" AS "p_id",
  "p"."partnership_id" AS "p_partnership_id",
  "p"."owner_organisation_id" AS "p_owner_organisation_id",
  "p"."first_name" AS "p_first_name",
  "p"."last_name" AS "p_last_name",
  "p"."search_name" AS "p_search_name",
  "p"."name_key" AS "p_name_key",
  "p"."birth_date" AS "p_birth_date",
  "p"."gender" AS "p_gender",
  "p"."insz_hash" AS "p_insz_hash",
  "p"."insz_encrypted" AS "p_insz_encrypted",
  "p"."phone" AS "p_phone",
  "p"."email" AS "p_email",
  "p"."street" AS "p_street",
  "p"."postal_code" AS "p_postal_code",
  "p"."city" AS "p_city",
  "p"."wijk" AS "p_wijk",
  "p"."contact_language" AS "p_contact_language",
  "p"."nationality" AS "p_nationality",
  "p"."entry_date" AS "p_entry_date",
  "p"."labour_status" AS "p_labour_status",
  "p"."long_term_unemployed" AS "p_long_term_unemployed",
  "p"."education_level" AS "p_education_level",
  "p"."single_adult_household_with_children" AS "p_single_adult_household_with_children",
  "p"."third_country_national" AS "p_third_country_national",
  "p"."foreign_background" AS "p_foreign_background",
  "p"."homeless_or_housing_exclusion" AS "p_homeless_or_housing_exclusion",
  "p"."rural_area" AS "p_rural_area",
  "p"."disability" AS "p_disability",
  "p"."minority" AS "p_minority",
  "p"."referral_channel" AS "p_referral_channel",
  "p"."referrer" AS "p_referrer",
  "p"."current_trajectory_id" AS "p_current_trajectory_id",
  "p"."current_status" AS "p_current_status",
  "p"."case_manager_id" AS "p_case_manager_id",
  "p"."team_id" AS "p_team_id",
  "p"."vdab_trajectory_status" AS "p_vdab_trajectory_status",
  "p"."vdab_checked_at" AS "p_vdab_checked_at",
  "p"."vdab_checked_by" AS "p_vdab_checked_by",
  "p"."pseudonymised_at" AS "p_pseudonymised_at",
  "p"."created_by" AS "p_created_by",
  "p"."version" AS "p_version",
  "p"."created_at" AS "p_created_at",
  "p"."updated_at" AS "p_updated_at"
FROM
  "participants" "p"
ORDER BY
  "p"."last_name" ASC,
  "p"."first_name" ASC,
  "p"."id" ASC
LIMIT
  20
OFFSET
  0;

-- ParticipantsRepository.search(filtered)
SELECT
  "p"."id" AS "p_id",
  "p"."partnership_id" AS "p_partnership_id",
  "p"."owner_organisation_id" AS "p_owner_organisation_id",
  "p"."first_name" AS "p_first_name",
  "p"."last_name" AS "p_last_name",
  "p"."search_name" AS "p_search_name",
  "p"."name_key" AS "p_name_key",
  "p"."birth_date" AS "p_birth_date",
  "p"."gender" AS "p_gender",
  "p"."insz_hash" AS "p_insz_hash",
  "p"."insz_encrypted" AS "p_insz_encrypted",
  "p"."phone" AS "p_phone",
  "p"."email" AS "p_email",
  "p"."street" AS "p_street",
  "p"."postal_code" AS "p_postal_code",
  "p"."city" AS "p_city",
  "p"."wijk" AS "p_wijk",
  "p"."contact_language" AS "p_contact_language",
  "p"."nationality" AS "p_nationality",
  "p"."entry_date" AS "p_entry_date",
  "p"."labour_status" AS "p_labour_status",
  "p"."long_term_unemployed" AS "p_long_term_unemployed",
  "p"."education_level" AS "p_education_level",
  "p"."single_adult_household_with_children" AS "p_single_adult_household_with_children",
  "p"."third_country_national" AS "p_third_country_national",
  "p"."foreign_background" AS "p_foreign_background",
  "p"."homeless_or_housing_exclusion" AS "p_homeless_or_housing_exclusion",
  "p"."rural_area" AS "p_rural_area",
  "p"."disability" AS "p_disability",
  "p"."minority" AS "p_minority",
  "p"."referral_channel" AS "p_referral_channel",
  "p"."referrer" AS "p_referrer",
  "p"."current_trajectory_id" AS "p_current_trajectory_id",
  "p"."current_status" AS "p_current_status",
  "p"."case_manager_id" AS "p_case_manager_id",
  "p"."team_id" AS "p_team_id",
  "p"."vdab_trajectory_status" AS "p_vdab_trajectory_status",
  "p"."vdab_checked_at" AS "p_vdab_checked_at",
  "p"."vdab_checked_by" AS "p_vdab_checked_by",
  "p"."pseudonymised_at" AS "p_pseudonymised_at",
  "p"."created_by" AS "p_created_by",
  "p"."version" AS "p_version",
  "p"."created_at" AS "p_created_at",
  "p"."updated_at" AS "p_updated_at"
FROM
  "participants" "p"
WHERE
  "p"."id" in (
    select
      app_search_participants ($1)
  )
  AND "p"."current_status" = $2
  AND "p"."case_manager_id" = $3
  AND "p"."team_id" = $4
  AND "p"."wijk" = $5
ORDER BY
  "p"."last_name" ASC,
  "p"."first_name" ASC,
  "p"."id" ASC
LIMIT
  20
OFFSET
  0;

-- ParticipantsRepository.findDuplicates()
select
  *
from
  app_find_participant_duplicates ($1, $2, $3, $4);

-- ParticipantsRepository.updateVersioned()
UPDATE "participants"
SET
  "phone" = $1,
  "version" = "version" + 1,
  "updated_at" = now()
WHERE
  "id" = $2
  and "version" = $3;
select
  "id",
  "partnership_id",
  "owner_organisation_id",
  "first_name",
  "last_name",
  "search_name",
  "name_key",
  "birth_date",
  "gender",
  "insz_hash",
  "insz_encrypted",
  "phone",
  "email",
  "street",
  "postal_code",
  "city",
  "wijk",
  "contact_language",
  "nationality",
  "entry_date",
  "labour_status",
  "long_term_unemployed",
  "education_level",
  "single_adult_household_with_children",
  "third_country_national",
  "foreign_background",
  "homeless_or_housing_exclusion",
  "rural_area",
  "disability",
  "minority",
  "referral_channel",
  "referrer",
  "current_trajectory_id",
  "current_status",
  "case_manager_id",
  "team_id",
  "vdab_trajectory_status",
  "vdab_checked_at",
  "vdab_checked_by",
  "pseudonymised_at",
  "created_by",
  "version",
  "created_at",
  "updated_at"
from
  "participants"
where
  "id" = $1;

-- ParticipantsRepository.setCurrentTrajectory()
UPDATE "participants"
SET
  "current_trajectory_id" = $1,
  "current_status" = $2,
  "case_manager_id" = $3,
  "team_id" = $4,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $5;

-- ParticipantsRepository.setOwner()
UPDATE "participants"
SET
  "owner_organisation_id" = $1,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $2;

-- ParticipantsRepository.setVdabCheck()
UPDATE "participants"
SET
  "vdab_trajectory_status" = $1,
  "vdab_checked_at" = $2,
  "vdab_checked_by" = $3,
  "updated_at" = CURRENT_TIMESTAMP
WHERE
  "id" = $4;
