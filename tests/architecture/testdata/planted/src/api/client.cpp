#include "api/client.h"
#include "auth/session.h" // EXPECT: api below auth
  #  include "storage/vault.h" // EXPECT: spaced directive
