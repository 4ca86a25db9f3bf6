#pragma once
#include "core/base.h"
#include <QString>
