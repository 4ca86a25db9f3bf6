#include <sys/resource.h>   // EXPECT header (bench/ is checked too)
