#include "core/base.h"
#include "library/list.h" // EXPECT: sync below library
