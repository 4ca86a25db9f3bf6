import QtQuick
import QtQuick.Layouts
import Clipshelf

// The signed-in shell: a header bar (brand, Library / Settings, the person,
// Sign out) over the content area, which shows the library or the settings.
// Without a library (no LibraryController yet) the content is a placeholder.
FocusScope {
    id: page
    objectName: "homePage"

    /// The AuthController (or anything with the same properties and functions).
    property QtObject auth
    /// The LibraryController (or a mock); null shows the placeholder.
    property QtObject library
    /// The SettingsController (or a mock).
    property QtObject settings
    /// "library" or "settings".
    property string section: "library"

    readonly property int authState: auth ? auth.state : AuthController.SignedOut
    readonly property bool signingOut: authState === AuthController.SigningOut
    readonly property string userName: settings && settings.displayName ? settings.displayName
                                                                       : auth && auth.userName ? auth.userName : ""
    readonly property string email: auth && auth.email ? auth.email : ""
    readonly property string keychainWarning: auth && auth.keychainWarning ? auth.keychainWarning : ""
    /// Not empty when changes cannot be stored on this computer (tests set it).
    property string storageWarning: App.storageWarning
    readonly property url pictureUrl: settings && settings.avatarUrl && settings.avatarUrl.toString().length > 0
                                      ? settings.avatarUrl : auth ? auth.pictureUrl : ""

    /// Shows "library" or "settings"; the settings are reloaded the first time.
    function showSection(name) {
        const firstVisit = name === "settings" && settingsLoader.status === Loader.Null
        section = name
        if (firstVisit && settings && typeof settings.reload === "function")
            settings.reload()
    }

    Shortcut {
        objectName: "libraryShortcut"
        sequence: "Ctrl+1"
        onActivated: page.showSection("library")
    }
    Shortcut {
        objectName: "settingsShortcut"
        sequences: ["Ctrl+2", StandardKey.Preferences]
        enabled: page.settings !== null
        onActivated: page.showSection("settings")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- Header bar -----------------------------------------------------
        Rectangle {
            id: header
            objectName: "homeHeader"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            color: Theme.surface

            Rectangle {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: 1
                color: Theme.border
            }

            RowLayout {
                id: headerRow
                objectName: "headerRow"
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingXl
                anchors.rightMargin: Theme.spacingXl
                spacing: Theme.spacingM

                Image {
                    objectName: "headerIcon"
                    source: Theme.icon("clipshelf")
                    sourceSize.width: 64
                    sourceSize.height: 64
                    Layout.preferredWidth: 30
                    Layout.preferredHeight: 30
                    Accessible.ignored: true
                }

                Text {
                    objectName: "headerTitle"
                    text: qsTr("Clipshelf")
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle + 1
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }

                // Navigation between the pages.
                Row {
                    id: navigation
                    objectName: "navigation"
                    visible: page.library !== null || page.settings !== null
                    Layout.leftMargin: Theme.spacingL
                    spacing: Theme.spacingXs
                    Accessible.role: Accessible.PageTabList

                    NavButton {
                        objectName: "navLibrary"
                        iconName: "library"
                        text: qsTr("Library")
                        current: page.section === "library"
                        onClicked: page.showSection("library")
                    }
                    NavButton {
                        objectName: "navSettings"
                        iconName: "settings"
                        text: qsTr("Settings")
                        visible: page.settings !== null
                        current: page.section === "settings"
                        onClicked: page.showSection("settings")
                    }
                }

                Item {
                    Layout.fillWidth: true
                }

                // Status items (e.g. the connection) go in this slot.
                Row {
                    id: statusSlot
                    objectName: "headerStatusSlot"
                    spacing: Theme.spacingS
                    Layout.alignment: Qt.AlignVCenter

                    ConnectionIndicator {
                        sessions: page.auth && page.auth.sessions ? page.auth.sessions : null
                    }
                }

                Avatar {
                    id: avatar
                    objectName: "avatar"
                    source: page.pictureUrl
                    name: page.userName
                    email: page.email
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                }

                ColumnLayout {
                    spacing: 1
                    Layout.fillWidth: false
                    Layout.maximumWidth: Math.max(120, page.width * 0.3 - (navigation.visible ? 120 : 0))

                    Text {
                        objectName: "userNameLabel"
                        visible: text.length > 0
                        text: page.userName
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "emailLabel"
                        visible: text.length > 0
                        text: page.email
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                }

                Rectangle {
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: 24
                    Layout.leftMargin: Theme.spacingXs
                    Layout.rightMargin: Theme.spacingXs
                    color: Theme.border
                }

                AppButton {
                    objectName: "signOutButton"
                    kind: "subtle"
                    compact: true
                    iconName: "sign-out"
                    text: page.signingOut ? qsTr("Signing out…") : qsTr("Sign out")
                    // Not while the keychain answers (a cached library shows meanwhile).
                    enabled: !page.signingOut && page.auth !== null && page.authState !== AuthController.Restoring
                    onClicked: page.auth.signOut()
                }
            }
        }

        // --- Content area ---------------------------------------------------
        Item {
            id: contentArea
            objectName: "contentArea"
            Layout.fillWidth: true
            Layout.fillHeight: true

            Banner {
                id: warningBanner
                objectName: "homeWarningBanner"
                kind: "warning"
                title: qsTr("Your sign-in won’t be remembered")
                text: page.keychainWarning
                anchors.top: parent.top
                anchors.topMargin: Theme.spacingL
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(640, parent.width - 2 * Theme.spacingXl)
                height: implicitHeight
            }

            StorageWarningBanner {
                id: storageBanner
                warning: page.storageWarning
                anchors.top: warningBanner.visible ? warningBanner.bottom : parent.top
                anchors.topMargin: Theme.spacingL
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(640, parent.width - 2 * Theme.spacingXl)
                height: implicitHeight
            }

            Item {
                id: libraryArea
                objectName: "libraryArea"
                anchors.top: storageBanner.visible ? storageBanner.bottom : warningBanner.visible ? warningBanner.bottom : parent.top
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                visible: page.section === "library"

                LibraryPage {
                    id: libraryPage
                    anchors.fill: parent
                    visible: page.library !== null
                    library: page.library
                    active: page.section === "library" && page.library !== null
                    focus: page.section === "library"
                }

                EmptyState {
                    id: libraryPlaceholder
                    objectName: "libraryPlaceholder"
                    visible: page.library === null
                    anchors.centerIn: parent
                    anchors.verticalCenterOffset: warningBanner.visible ? 0 : -Theme.spacingXl // optical centre
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.spacingXl)
                    iconName: "library"
                    title: qsTr("Your library will appear here")
                    description: qsTr("Videos you save on YouTube will line up on this shelf, ready to watch from any desktop.")
                }
            }

            Loader {
                id: settingsLoader
                objectName: "settingsArea"
                anchors.top: storageBanner.visible ? storageBanner.bottom : warningBanner.visible ? warningBanner.bottom : parent.top
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                visible: page.section === "settings"
                // Created the first time it is shown, then kept.
                active: page.section === "settings" || status !== Loader.Null
                focus: page.section === "settings"
                // By URL: the settings page (and QtQuick.Dialogs for the avatar) is
                // compiled the first time it is opened, not with the home page.
                onActiveChanged: {
                    if (active && status === Loader.Null)
                        setSource("SettingsPage.qml", { settings: page.settings, auth: page.auth, library: page.library })
                }
                onLoaded: {
                    item.settings = Qt.binding(() => page.settings)
                    item.auth = Qt.binding(() => page.auth)
                    item.library = Qt.binding(() => page.library)
                }
            }
        }
    }

    // Another account's changes are waiting on this computer: ask.
    AppDialog {
        id: otherUserDialog
        objectName: "otherUserDialog"
        readonly property int changes: page.library && page.library.otherUserChanges !== undefined
                                       ? page.library.otherUserChanges : 0
        visible: page.library !== null && page.library.outboxBelongsToOtherUser === true
        persistent: true
        preferredWidth: 540
        title: qsTr("Changes from another account are waiting")
        description: (changes === 1 ? qsTr("This computer has 1 change that was made while another account was signed in.")
                                    : changes > 1 ? qsTr("This computer has %1 changes that were made while another account was signed in.").arg(changes)
                                                  : qsTr("This computer has changes that were made while another account was signed in."))
                     + " " + qsTr("They are never sent as you. Keep them for when that account signs in again, or discard them.")

        buttons: [
            AppButton {
                objectName: "discardOutboxButton"
                kind: "secondary"
                text: qsTr("Discard them")
                onClicked: page.library.discardOutbox()
            },
            AppButton {
                objectName: "keepOutboxButton"
                kind: "primary"
                text: qsTr("Keep for that account")
                onClicked: page.library.keepOutbox()
            }
        ]
    }
}
