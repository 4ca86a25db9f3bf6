#pragma once

#include "auth/authcontroller.h"

#include <QObject>
#include <QtQml/qqml.h>

namespace clipshelf {

/// Makes clipshelf::AuthController known to QML as `AuthController` so pages
/// can use its State enum (AuthController.SignedIn, ...). QML never creates
/// one: the instance is App.auth.
struct AuthControllerForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::AuthController)
    QML_NAMED_ELEMENT(AuthController)
    QML_UNCREATABLE("AuthController is created by the application; use App.auth.")
};

} // namespace clipshelf
