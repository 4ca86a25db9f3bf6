import QtQuick
import QtQuick.Controls
import Clipshelf

// The main window: shows the sign-in page or the home page, following
// auth.state, in the light or dark palette and the language the settings ask
// for (both applied at once when they change).
ApplicationWindow {
    id: window
    objectName: "mainWindow"

    /// The AuthController; previews and tests may give a mock instead.
    property QtObject auth: App.auth
    /// The LibraryController and SettingsController (or mocks); may be null.
    property QtObject library: App.library
    property QtObject settings: App.settings

    /// "system", "light" or "dark", as the settings say.
    readonly property string themeChoice: settings && settings.theme ? settings.theme : "system"

    readonly property int authState: auth ? auth.state : AuthController.SignedOut
    /// While the keychain answers at start-up, a cached library (it is not secret
    /// and shows offline too) is shown at once; "nobody signed in" then leads to
    /// the sign-in page, the cache and the outbox stay.
    /// (One expression, so that it never flips for a moment while its inputs update.)
    readonly property bool showHome: authState === AuthController.SignedIn
                                     || authState === AuthController.SigningOut
                                     || (authState === AuthController.Restoring && library !== null
                                         && library.showsCachedLibrary === true)

    title: qsTr("Clipshelf")
    width: 960
    height: 640
    minimumWidth: 640
    minimumHeight: 480
    visible: true
    color: Theme.window

    font.pixelSize: Theme.fontBody

    // Colours for anything drawn by the stock controls (scroll bars, menus, tooltips).
    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceMuted
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.textTertiary
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.mid: Theme.borderStrong
    palette.dark: Theme.textSecondary
    palette.light: Theme.surfaceMuted

    // The settings' theme wins; "system" follows App.darkMode (the system's
    // scheme, or CLIPSHELF_THEME).
    Binding {
        target: Theme
        property: "dark"
        value: window.themeChoice === "dark" || (window.themeChoice !== "light" && App.darkMode)
    }

    // The settings' language: App loads the translation and retranslates.
    Binding {
        target: App
        property: "language"
        value: window.settings && window.settings.language ? window.settings.language : ""
        when: window.settings !== null
    }

    // Pages load by URL, not by type: compiling Main.qml does not compile the
    // home page (library, settings, their dialogs, QtQuick.Dialogs) before the
    // sign-in page can show, nor the sign-in page before a cached library.
    Loader {
        id: pageLoader
        objectName: "pageLoader"
        anchors.fill: parent
        focus: true

        property bool shown: false
        readonly property string page: window.showHome ? "pages/HomePage.qml" : "pages/SignInPage.qml"

        function loadPage() {
            if (window.showHome)
                setSource(page, { auth: window.auth, library: window.library, settings: window.settings, focus: true })
            else
                setSource(page, { auth: window.auth, version: App.version, focus: true })
        }

        // Once complete: initial properties given to the window (tests, previews)
        // may change `page` while it is being created, and only the last one counts.
        property bool complete: false
        onPageChanged: if (complete) loadPage()
        Component.onCompleted: {
            complete = true
            loadPage()
        }
        onLoaded: {
            // Initial values above; live bindings from here on.
            item.auth = Qt.binding(() => window.auth)
            if (window.showHome) {
                item.library = Qt.binding(() => window.library)
                item.settings = Qt.binding(() => window.settings)
            }
            // The first page shows at once; later ones fade in over the previous.
            if (shown) {
                item.opacity = 0
                fadeIn.restart()
            }
            shown = true
        }

        NumberAnimation {
            id: fadeIn
            target: pageLoader.item
            property: "opacity"
            from: 0
            to: 1
            duration: Theme.durationNormal
            easing.type: Easing.OutCubic
        }
    }

    // The one notices surface (App.notices): lasting problems as banners and
    // passing ones as toasts, over whichever page shows. The pages still draw
    // the keychain and storage warnings in banners of their own.
    NoticeArea {
        id: noticeArea
        anchors.fill: parent
        z: 10
        // Drawn by the pages' own banners (sign-in and home: keychain; home: storage).
        hiddenTopics: ["keychain", "storage"]
    }
}
