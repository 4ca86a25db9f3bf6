// Logging category of the reference API server. Everything goes to stderr;
// tokens, API-key secrets and Authorization headers are never logged.
#pragma once

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApiServer)
