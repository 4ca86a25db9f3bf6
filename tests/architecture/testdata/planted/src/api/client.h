#pragma once
#include "buildconfig.h"
#include "core/base.h"
