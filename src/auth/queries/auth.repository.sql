-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AuthRepository.findLogin()
START TRANSACTION;
select
  *
from
  app_login_lookup ($1);
COMMIT;

-- AuthRepository.findLoginInRequest()
select
  *
from
  app_login_lookup ($1);
