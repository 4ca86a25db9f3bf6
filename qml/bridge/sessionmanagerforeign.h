#pragma once

#include "auth/sessionmanager.h"

#include <QObject>
#include <QtQml/qqml.h>

namespace clipshelf {

/// Makes clipshelf::SessionManager known to QML as `SessionManager` so the
/// connection indicator can use its ConnectionState enum (SessionManager.Online,
/// ...). QML never creates one: the instance is App.auth.sessions.
struct SessionManagerForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::SessionManager)
    QML_NAMED_ELEMENT(SessionManager)
    QML_UNCREATABLE("SessionManager belongs to the AuthController; use App.auth.sessions.")
};

} // namespace clipshelf
