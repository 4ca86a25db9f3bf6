#pragma once
#include "api/client.h"
#include "jws/jws.h"
