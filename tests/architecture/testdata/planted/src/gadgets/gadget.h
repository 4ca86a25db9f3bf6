// EXPECT: a folder that is not in the table (reported at line 1)
#pragma once
