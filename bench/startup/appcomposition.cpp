#include "appcomposition.h"

#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "bridge/app.h"
#include "bridge/thumbnailprovider.h"
#include "models/librarycontroller.h"
#include "models/videolistmodel.h"
#include "models/workspace.h"
#include "storage/keychainsecretstore.h"
#include "storage/thumbnailstore.h"

#include <QGuiApplication>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

#include <functional>

namespace clipshelf::bench {

namespace {

constexpr auto kMainQml = "qrc:/qt/qml/Clipshelf/Main.qml";

/// Depth-first over the visual tree; stops when \a visit returns true.
bool walkItems(QQuickItem *item, const std::function<bool(QQuickItem *)> &visit)
{
    if (!item || !item->isVisible())
        return false;
    if (visit(item))
        return true;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (walkItems(child, visit))
            return true;
    }
    return false;
}

} // namespace

AppComposition::AppComposition(const Config &config, const QUrl &thumbnailBase) : m_config(config)
{
    // As main.cpp, in its order.
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/qt/qml/Clipshelf/icons/clipshelf.svg")));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_store = std::make_unique<KeychainSecretStore>(SessionVault::serviceName(m_config.profile()));
    m_auth = std::make_unique<AuthController>(m_config, m_store.get(), m_network.get());
    m_workspace = std::make_unique<Workspace>(m_config, m_auth.get(), m_network.get());
    if (thumbnailBase.isValid())
        m_workspace->thumbnails()->setBaseUrl(thumbnailBase);
    m_bridge = std::make_unique<App>(m_auth.get());
    m_bridge->setLibrary(m_workspace->library());
    m_bridge->setSettings(m_workspace->settings());
    App::setInstance(m_bridge.get());
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->addImageProvider(QStringLiteral("thumbnail"),
                               new ThumbnailImageProvider(m_workspace->thumbnails()));
}

AppComposition::~AppComposition()
{
    m_engine.reset();
    App::setInstance(nullptr);
}

bool AppComposition::load(QString *error)
{
    // As main.cpp: the workspace starts (the cache is read in the background)
    // and the session restore begins before Main.qml loads.
    m_workspace->start(LibraryController::CacheLoading::InBackground);
    m_auth->restore();
    m_engine->load(QUrl(QString::fromLatin1(kMainQml)));
    const QList<QObject *> roots = m_engine->rootObjects();
    m_window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst());
    if (!m_window && error)
        *error = QStringLiteral("could not load the user interface (%1)").arg(QString::fromLatin1(kMainQml));
    return m_window != nullptr;
}


QQuickItem *AppComposition::findVisibleItem(const QString &objectName) const
{
    QQuickItem *found = nullptr;
    if (m_window) {
        walkItems(m_window->contentItem(), [&](QQuickItem *item) {
            if (item->objectName() != objectName)
                return false;
            found = item;
            return true;
        });
    }
    return found;
}

int AppComposition::visibleListRows() const
{
    QQuickItem *list = findVisibleItem(QStringLiteral("videoList"));
    if (!list)
        return 0;
    int rows = 0;
    walkItems(list, [&rows](QQuickItem *item) {
        if (item->objectName().startsWith(QLatin1String("video_")))
            ++rows;
        return false;
    });
    return rows;
}

int AppComposition::modelRows() const
{
    return m_workspace->library()->videos()->totalRows();
}

} // namespace clipshelf::bench
