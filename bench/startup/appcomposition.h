#pragma once

#include "core/config.h"

#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

namespace clipshelf {
class App;
class AuthController;
class KeychainSecretStore;
class Workspace;
}

namespace clipshelf::bench {

/**
 * The app as app/main.cpp builds it — network, keychain store, AuthController,
 * the profile's Workspace (cache, library, settings, thumbnails), the App
 * bridge, the thumbnail image provider, the Clipshelf QML module's Main.qml —
 * so that its start-up is measured without touching main.cpp. Keep it in step
 * with main.cpp: any object main.cpp creates before the first frame belongs
 * here too. The one difference: thumbnails download from \a thumbnailBase
 * (a local server) when given, never from the internet.
 */
class AppComposition
{
public:
    AppComposition(const Config &config, const QUrl &thumbnailBase);
    ~AppComposition();

    /// What main.cpp does: starts the workspace, begins restoring the stored
    /// session and loads Main.qml; false (and \a error) when the window did not come up.
    bool load(QString *error);

    QQuickWindow *window() const { return m_window; }
    AuthController *auth() const { return m_auth.get(); }

    /// The first visible item in the window named \a objectName, or null.
    QQuickItem *findVisibleItem(const QString &objectName) const;
    /// Video rows the library's list shows on screen (0 when there is none).
    int visibleListRows() const;
    /// Videos in the library model (shown or not).
    int modelRows() const;

private:
    Config m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<KeychainSecretStore> m_store;
    std::unique_ptr<AuthController> m_auth;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<App> m_bridge;
    std::unique_ptr<QQmlApplicationEngine> m_engine;   ///< destroyed first (declared last)
    QQuickWindow *m_window = nullptr;
};

} // namespace clipshelf::bench
