#include "library/list.h"
#include "settings/page.h"
#include "composition/root.h" // EXPECT: models below composition
