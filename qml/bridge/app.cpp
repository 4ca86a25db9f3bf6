#include "app.h"

#include "auth/sessionmanager.h"
#include "buildconfig.h"
#include "composition/workspace.h"
#include "core/logging.h"

#include <QEvent>
#include <QGuiApplication>
#include <QJSEngine>
#include <QPalette>
#include <QQmlEngine>
#include <QStyleHints>
#include <QtGlobal>
#include <QTranslator>

namespace clipshelf {

namespace {
QPointer<App> s_instance;
}

App::App(AuthController *auth, QObject *parent)
    : QObject(parent), m_auth(auth), m_notices(new Notices(this))
{
    if (m_auth) {
        connect(m_auth, &AuthController::keychainWarningChanged, this, &App::updateKeychainNotice);
        updateKeychainNotice();
        if (SessionManager *sessions = m_auth->sessions())
            connect(sessions, &SessionManager::connectionStateChanged, this,
                    &App::updateConnectionNotice);
    }
    const QString forced = qEnvironmentVariable("CLIPSHELF_THEME").trimmed().toLower();
    if (forced == QLatin1String("dark") || forced == QLatin1String("light")) {
        m_themeForced = true;
        m_darkMode = forced == QLatin1String("dark");
        return;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::instance())
        connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this,
                &App::updateDarkMode);
#endif
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this); // ApplicationPaletteChange
    updateDarkMode();
}

App::~App() = default;

App *App::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(jsEngine)
    if (s_instance) {
        // Owned by main(); the engine must not delete it.
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        s_instance->m_engine = qmlEngine;
        return s_instance;
    }
    // No application objects (a QML test or preview): a bare App the engine owns.
    auto *fallback = new App(nullptr);
    QJSEngine::setObjectOwnership(fallback, QJSEngine::JavaScriptOwnership);
    fallback->m_engine = qmlEngine;
    return fallback;
}

QString App::supportedLanguage(const QString &language)
{
    const QString lang = language.trimmed().toLower();
    if (lang == QLatin1String("de") || lang.startsWith(QLatin1String("de-")) ||
        lang.startsWith(QLatin1String("de_")))
        return QStringLiteral("de");
    return QStringLiteral("en");
}

void App::setLanguage(const QString &language)
{
    const QString lang = language.isEmpty() ? QString() : supportedLanguage(language);
    if (lang == m_language)
        return;
    m_language = lang;
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    if (!lang.isEmpty() && lang != QLatin1String("en")) {
        auto translator = std::make_unique<QTranslator>();
        const QString file = QStringLiteral(":/qt/qml/Clipshelf/i18n/clipshelf_%1.qm").arg(lang);
        if (translator->load(file) && QCoreApplication::installTranslator(translator.get()))
            m_translator = std::move(translator);
        else
            qCWarning(lcUi) << "no translation for" << lang << "at" << file;
    }
    emit languageChanged();
    m_notices->retranslate(); // kinds and arguments: built again in the new language
    if (m_workspace)
        emit storageWarningChanged(); // built by tr(): now in the new language
    // Once, after the current change settles (the Binding in Main.qml may set
    // this while the window is still being created).
    if (!m_retranslateQueued) {
        m_retranslateQueued = true;
        QMetaObject::invokeMethod(this, &App::retranslate, Qt::QueuedConnection);
    }
}

void App::retranslate()
{
    m_retranslateQueued = false;
    if (!m_engine)
        return;
    m_engine->setUiLanguage(m_language);
    m_engine->retranslate();
}

void App::setWorkspace(Workspace *workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    emit storageWarningChanged();
    updateStorageNotice();
}

void App::updateKeychainNotice()
{
    // The "no refresh token" notice is advice, not a keychain problem.
    if (!m_auth || m_auth->keychainWarning().isEmpty() ||
        m_auth->keychainWarningIsNoRefreshTokenNotice()) {
        m_notices->clearTopic(QStringLiteral("keychain"));
        return;
    }
    Problem problem(Problem::Kind::KeychainUnavailable, Problem::Source::Keychain);
    problem.setDetail(m_auth->keychainWarning());
    m_notices->raise(problem, QStringLiteral("keychain"));
}

void App::updateConnectionNotice()
{
    SessionManager *sessions = m_auth ? m_auth->sessions() : nullptr;
    const auto state = sessions ? sessions->connectionState() : SessionManager::Online;
    // Online: nothing to say; an ended session is the sign-in page's to explain.
    if (state == SessionManager::Online || state == SessionManager::SessionEnded) {
        m_notices->clearTopic(QStringLiteral("connection"));
        return;
    }
    // Why the refresh failed (a refused certificate stays one), else the API was unreachable.
    const Problem last = sessions->lastProblem();
    const Problem problem = last.isError() ? last : Problem(Problem::Kind::NetworkUnreachable);
    // The same reason again (each retry of the backoff says so): no new notice, no new toast.
    if (m_notices->problemOf(QStringLiteral("connection")).kind() == problem.kind())
        return;
    m_notices->raise(problem, QStringLiteral("connection"));
}

void App::updateStorageNotice()
{
    const QString warning = storageWarning();
    if (warning.isEmpty()) {
        m_notices->clearTopic(QStringLiteral("storage"));
        return;
    }
    Problem problem(Problem::Kind::StorageFailure, Problem::Source::Disk);
    problem.setDetail(warning);
    m_notices->raise(problem, QStringLiteral("storage"));
}

QString App::storageWarning() const
{
    return m_workspace ? m_workspace->storageWarning() : QString();
}

void App::setInstance(App *app)
{
    s_instance = app;
}

QString App::version()
{
    return QStringLiteral(CLIPSHELF_VERSION);
}

QString App::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

bool App::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange &&
        watched == QCoreApplication::instance())
        updateDarkMode();
    return QObject::eventFilter(watched, event);
}

void App::updateDarkMode()
{
    if (m_themeForced)
        return;
    const bool dark = systemPrefersDark();
    if (dark == m_darkMode)
        return;
    m_darkMode = dark;
    emit darkModeChanged();
}

bool App::systemPrefersDark()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const Qt::ColorScheme scheme = QGuiApplication::styleHints()->colorScheme();
    if (scheme != Qt::ColorScheme::Unknown)
        return scheme == Qt::ColorScheme::Dark;
#endif
    // Qt 6.4 has no colour-scheme hint; a platform palette with light text on a
    // dark window (KDE, a dark GTK theme through a platform theme) is the clue.
    // Without a platform theme the palette is light, so this defaults to light.
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

} // namespace clipshelf
