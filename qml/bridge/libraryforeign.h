#pragma once

#include "library/librarycontroller.h"
#include "library/taglistmodel.h"
#include "library/videolistmodel.h"
#include "settings/settingscontroller.h"

#include <QObject>
#include <QtQml/qqml.h>

namespace clipshelf {

/// Makes clipshelf::LibraryController known to QML as `LibraryController`, so
/// pages can use its EmptyState enum (LibraryController.NoVideos, ...). The
/// instance is App.library.
struct LibraryControllerForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::LibraryController)
    QML_NAMED_ELEMENT(LibraryController)
    QML_UNCREATABLE("LibraryController is created by the application; use App.library.")
};

/// The library's list model (App.library.videos), known to QML for tooling.
struct VideoListModelForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::VideoListModel)
    QML_NAMED_ELEMENT(VideoListModel)
    QML_UNCREATABLE("VideoListModel belongs to the LibraryController; use App.library.videos.")
};

/// The tag model (App.library.tags).
struct TagListModelForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::TagListModel)
    QML_NAMED_ELEMENT(TagListModel)
    QML_UNCREATABLE("TagListModel belongs to the LibraryController; use App.library.tags.")
};

/// clipshelf::SettingsController as `SettingsController`; the instance is App.settings.
struct SettingsControllerForeign
{
    Q_GADGET
    QML_FOREIGN(clipshelf::SettingsController)
    QML_NAMED_ELEMENT(SettingsController)
    QML_UNCREATABLE("SettingsController is created by the application; use App.settings.")
};

} // namespace clipshelf
