#pragma once

#include "composition/composition.h"

#include <memory>
#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

namespace clipshelf {

class App;

/**
 * The desktop app's user interface around its Composition: the App singleton QML
 * reads, the QML engine with the thumbnail image provider, and the Clipshelf
 * module's Main.qml. main.cpp and the start-up benchmark both build the app
 * through this class, so the benchmark measures what ships.
 */
class AppShell
{
public:
    /// Builds the Composition (with its Workspace) and the interface around it; a
    /// QGuiApplication must exist.
    explicit AppShell(const Config &config);
    ~AppShell();

    AppShell(const AppShell &) = delete;
    AppShell &operator=(const AppShell &) = delete;

    Composition &composition() { return *m_composition; }
    Workspace *workspace() const { return m_composition->workspace(); }
    AuthController *auth() const { return m_composition->auth(); }
    App *bridge() const { return m_bridge.get(); }
    QQmlApplicationEngine *engine() const { return m_engine.get(); }

    /// Before the window loads: the library cache is read on a worker thread
    /// meanwhile, the cached settings' language applies, and the stored session
    /// begins to be restored (Main.qml shows a known user's library at once).
    void start();
    /// Loads Main.qml; its window, or null (and \a error) when it did not come up.
    QQuickWindow *load(QString *error);
    /// QML warnings so far (each is printed on stderr); a thumbnail that is not
    /// there yet is no warning.
    int qmlWarningCount() const { return m_qmlWarnings; }

private:
    std::unique_ptr<Composition> m_composition;
    std::unique_ptr<App> m_bridge;
    std::unique_ptr<QQmlApplicationEngine> m_engine; ///< destroyed first (declared last)
    int m_qmlWarnings = 0;
};

} // namespace clipshelf
