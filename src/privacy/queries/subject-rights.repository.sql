-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- SubjectRightsRepository.pseudonymise()
select
  result,
  pseudonym
from
  app_pseudonymise_participant ($1);
select
  result,
  pseudonym
from
  app_pseudonymise_participant ($1);
-- error: only a DPO may pseudonymise

-- SubjectRightsRepository.caseFile()
select
  first_name as "firstName",
  last_name as "lastName",
  birth_date::text as "birthDate",
  gender,
  insz_encrypted as "inszEncrypted",
  phone,
  email,
  street,
  postal_code as "postalCode",
  city,
  wijk,
  nationality,
  contact_language as "contactLanguage",
  entry_date::text as "entryDate",
  labour_status as "labourStatus",
  long_term_unemployed as "longTermUnemployed",
  education_level as "educationLevel",
  single_adult_household_with_children as "singleAdultHouseholdWithChildren",
  third_country_national as "thirdCountryNational",
  foreign_background as "foreignBackground",
  homeless_or_housing_exclusion as "homelessOrHousingExclusion",
  rural_area as "ruralArea",
  disability,
  minority,
  referral_channel as "referralChannel",
  referrer,
  vdab_trajectory_status as "vdabTrajectoryStatus",
  pseudonymised_at as "pseudonymisedAt"
from
  participants
where
  id = $1;
