-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- HealthRepository.ping()
START TRANSACTION;
select
  1;
COMMIT;
