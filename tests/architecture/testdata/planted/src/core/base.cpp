#include "core/base.h"
#include "api/client.h" // EXPECT: core below api
