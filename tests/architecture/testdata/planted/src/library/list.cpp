#include "auth/session.h"
#include "nowhere/thing.h" // EXPECT: unknown folder
#include "settings/page.h" // EXPECT: same layer, other folder
