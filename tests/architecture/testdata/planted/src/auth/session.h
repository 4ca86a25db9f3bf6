#pragma once
#include "api/client.h"
#include "core/base.h"
#include "storage/vault.h"
