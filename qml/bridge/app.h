#pragma once

#include "auth/authcontroller.h"
#include "library/librarycontroller.h"
#include "notices.h"
#include "settings/settingscontroller.h"

#include <memory>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqml.h>

class QJSEngine;
class QQmlEngine;
class QTranslator;

namespace clipshelf {

class Workspace;

/**
 * The `App` singleton: the one door from QML to the application's C++ objects.
 * main.cpp creates it with the AuthController and hands it over with
 * setInstance() before loading QML; QML then reads App.auth, App.version, ...
 *
 * Without an instance (QML tests, previews) the engine gets a bare App with
 * no AuthController, so App.version and App.darkMode still work.
 *
 * App.library and App.settings are the signed-in parts (null until main()
 * hands them over with setLibrary()/setSettings(), before loading QML).
 * App.language switches the interface language at once: it installs the
 * module's translation (qrc:/qt/qml/Clipshelf/i18n/clipshelf_<lang>.qm) and
 * retranslates the engine; Main.qml binds it to the settings' language.
 * App.storageWarning is the Workspace's (set with setWorkspace()): not empty
 * when changes cannot be stored on this computer; the home page shows it.
 * App.notices is the one channel for problems (banner, toast or inline field
 * error, chosen by kind): the keychain and storage warnings and the reason the
 * connection is down (offline, a refused certificate, …) are raised there.
 */
class App : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(clipshelf::AuthController *auth READ auth CONSTANT)
    Q_PROPERTY(clipshelf::LibraryController *library READ library CONSTANT)
    Q_PROPERTY(clipshelf::SettingsController *settings READ settings CONSTANT)
    /// The interface language: "en" (also "" or anything unknown) or "de" ("de-DE" counts as "de").
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// Workspace::storageWarning() in the current language ("" without a workspace).
    Q_PROPERTY(QString storageWarning READ storageWarning NOTIFY storageWarningChanged)
    /// The one notices surface: every problem QML shows, as Problems (see Notices).
    Q_PROPERTY(clipshelf::Notices *notices READ notices CONSTANT)
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
    LibraryController *library() const { return m_library; }
    SettingsController *settings() const { return m_settings; }
    Notices *notices() const { return m_notices; }
    /// Set before QML first reads App (CONSTANT to QML).
    void setLibrary(LibraryController *library) { m_library = library; }
    void setSettings(SettingsController *settings) { m_settings = settings; }
    /// The source of storageWarning. Not owned.
    void setWorkspace(Workspace *workspace);
    QString storageWarning() const;

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    /// "de-DE" -> "de"; anything without a translation -> "en".
    static QString supportedLanguage(const QString &language);
    static QString version();
    static QString qtVersion();
    bool darkMode() const { return m_darkMode; }

signals:
    void darkModeChanged();
    void languageChanged();
    void storageWarningChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateDarkMode();
    static bool systemPrefersDark();

    void retranslate();
    /// Mirrors the keychain and storage warnings into notices().
    void updateKeychainNotice();
    void updateStorageNotice();
    /// Offline or reconnecting: the reason (offline, a refused certificate, …) as a notice.
    void updateConnectionNotice();

    QPointer<AuthController> m_auth;
    QPointer<LibraryController> m_library;
    QPointer<SettingsController> m_settings;
    QPointer<Workspace> m_workspace;
    QPointer<QQmlEngine> m_engine;
    Notices *m_notices;
    std::unique_ptr<QTranslator> m_translator;
    QString m_language;
    bool m_retranslateQueued = false;
    bool m_darkMode = false;
    bool m_themeForced = false;
};

} // namespace clipshelf
