#include "storage/storagelogging.h"

namespace clipshelf {

Q_LOGGING_CATEGORY(lcStorage, "clipshelf.storage", QtInfoMsg)

} // namespace clipshelf
