#pragma once

#include "auth/authcontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqml.h>

class QJSEngine;
class QQmlEngine;

namespace clipshelf {

/**
 * The `App` singleton: the one door from QML to the application's C++ objects.
 * main.cpp creates it with the AuthController and hands it over with
 * setInstance() before loading QML; QML then reads App.auth, App.version, ...
 *
 * Without an instance (QML tests, previews) the engine gets a bare App with
 * no AuthController, so App.version and App.darkMode still work.
 */
class App : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(clipshelf::AuthController *auth READ auth CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    /// The colour scheme to use: CLIPSHELF_THEME=dark|light if set, else the
    /// system's (Qt >= 6.5), else a guess from the platform palette (Qt 6.4).
    Q_PROPERTY(bool darkMode READ darkMode NOTIFY darkModeChanged)

public:
    // Deliberately not default-constructible: Qt 6.4 would construct a
    // default-constructible singleton itself and never call create().
    explicit App(AuthController *auth, QObject *parent = nullptr);
    ~App() override;

    /// Called by the QML engine the first time QML uses `App`.
    static App *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    /// The instance create() returns; set before loading any QML. Not owned.
    static void setInstance(App *app);

    AuthController *auth() const { return m_auth; }
    static QString version();
    static QString qtVersion();
    bool darkMode() const { return m_darkMode; }

signals:
    void darkModeChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateDarkMode();
    static bool systemPrefersDark();

    QPointer<AuthController> m_auth;
    bool m_darkMode = false;
    bool m_themeForced = false;
};

} // namespace clipshelf
