#pragma once
#include "storage/vault.h"
#include "api/client.h"
#include "core/base.h"
