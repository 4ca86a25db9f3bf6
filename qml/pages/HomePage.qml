import QtQuick
import QtQuick.Layouts
import Clipshelf

// The signed-in app: a header bar (brand, the person, Sign out) over a content
// area. The content area holds the library; until videos arrive it shows a
// placeholder. Later pages (settings, ...) slot into `contentArea`.
FocusScope {
    id: page
    objectName: "homePage"

    /// The AuthController (or anything with the same properties and functions).
    property QtObject auth

    readonly property int authState: auth ? auth.state : AuthController.SignedOut
    readonly property bool signingOut: authState === AuthController.SigningOut
    readonly property string userName: auth && auth.userName ? auth.userName : ""
    readonly property string email: auth && auth.email ? auth.email : ""
    readonly property string keychainWarning: auth && auth.keychainWarning ? auth.keychainWarning : ""

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

                Item {
                    Layout.fillWidth: true
                }

                Avatar {
                    id: avatar
                    objectName: "avatar"
                    source: page.auth ? page.auth.pictureUrl : ""
                    name: page.userName
                    email: page.email
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                }

                ColumnLayout {
                    spacing: 1
                    Layout.fillWidth: false
                    Layout.maximumWidth: Math.max(120, page.width * 0.3)

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
                    enabled: !page.signingOut && page.auth !== null
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

            // The library goes here; until it exists, a placeholder.
            Item {
                id: libraryArea
                objectName: "libraryArea"
                anchors.top: warningBanner.visible ? warningBanner.bottom : parent.top
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom

                EmptyState {
                    id: libraryPlaceholder
                    objectName: "libraryPlaceholder"
                    anchors.centerIn: parent
                    anchors.verticalCenterOffset: warningBanner.visible ? 0 : -Theme.spacingXl // optical centre
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.spacingXl)
                    iconName: "library"
                    title: qsTr("Your library will appear here")
                    description: qsTr("Videos you save on YouTube will line up on this shelf, ready to watch from any desktop.")
                }
            }
        }
    }
}
