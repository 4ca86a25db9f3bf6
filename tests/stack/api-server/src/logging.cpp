#include "logging.h"

Q_LOGGING_CATEGORY(lcApiServer, "clipshelf.apiserver")
