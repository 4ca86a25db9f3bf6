#include "auth/session.h"
#include "settings/page.h" // EXPECT: same layer, other folder
#include "nowhere/thing.h" // EXPECT: unknown folder
