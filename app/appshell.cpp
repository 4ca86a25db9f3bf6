#include "appshell.h"

#include "bridge/app.h"
#include "bridge/thumbnailprovider.h"
#include "core/logging.h"
#include "settings/settingscontroller.h"

#include <cstdio>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

namespace clipshelf {

namespace {

constexpr auto kMainQml = "qrc:/qt/qml/Clipshelf/Main.qml";

} // namespace

AppShell::AppShell(const Config &config)
{
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/qt/qml/Clipshelf/icons/clipshelf.svg")));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // The network, the keychain, the session and the profile's library, settings,
    // outbox, cache and thumbnails.
    m_composition = std::make_unique<Composition>(config);
    Workspace *workspace = m_composition->workspace();
    m_bridge = std::make_unique<App>(m_composition->auth());
    m_bridge->setLibrary(workspace->library());
    m_bridge->setSettings(workspace->settings());
    m_bridge->setWorkspace(workspace); // App.storageWarning
    App::setInstance(m_bridge.get());

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(
        QStringLiteral("qrc:/qt/qml")); // not a default import path before Qt 6.5
    m_engine->setOutputWarningsToStandardError(false);
    // image://thumbnail/<youtubeId>; the engine owns the provider, the workspace outlives the
    // engine.
    m_engine->addImageProvider(QStringLiteral("thumbnail"),
                               new ThumbnailImageProvider(workspace->thumbnails()));
    QObject::connect(
        m_engine.get(), &QQmlEngine::warnings, m_engine.get(),
        [this](const QList<QQmlError> &warnings) {
            for (const QQmlError &warning : warnings) {
                if (ThumbnailImageProvider::isUnavailableWarning(warning.description())) {
                    qCDebug(lcUi) << "QML:" << warning.toString();
                    continue;
                }
                ++m_qmlWarnings;
                std::fputs(
                    qPrintable(QStringLiteral("clipshelf: QML: %1\n").arg(warning.toString())),
                    stderr);
                std::fflush(stderr);
            }
        });
}

AppShell::~AppShell()
{
    m_engine.reset();
    App::setInstance(nullptr);
}

void AppShell::start()
{
    m_composition->start(LibraryController::CacheLoading::InBackground, [this] {
        // The cached settings' language, before any message is made (restore's
        // keychain messages, the first frame) so none of them stays English.
        m_bridge->setLanguage(m_composition->workspace()->settings()->language());
    });
}

QQuickWindow *AppShell::load(QString *error)
{
    m_engine->load(QUrl(QString::fromLatin1(kMainQml)));
    const QList<QObject *> roots = m_engine->rootObjects();
    auto *window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst());
    if (!window && error)
        *error = QStringLiteral("could not load the user interface (%1)")
                     .arg(QString::fromLatin1(kMainQml));
    return window;
}

} // namespace clipshelf
