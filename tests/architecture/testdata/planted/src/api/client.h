#pragma once
#include "core/base.h"
#include "buildconfig.h"
