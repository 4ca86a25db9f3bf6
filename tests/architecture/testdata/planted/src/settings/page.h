#pragma once
#include "auth/session.h"
