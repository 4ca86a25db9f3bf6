import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: profile (name, picture), appearance (theme, language, applied at
// once), notifications (saved at once), security (API keys, recent activity,
// signing out). Driven by `settings` (the SettingsController or a mock) and
// `auth` for signing out.
FocusScope {
    id: page
    objectName: "settingsPage"

    property QtObject settings
    property QtObject auth
    /// The library, for how many changes still wait to sync (forgetting loses them).
    property QtObject library

    /// A picture file was chosen (the file dialog, or a test).
    function avatarChosen(fileUrl) {
        profileSection.avatarChosen(fileUrl)
    }

    /// An activity kind in words.
    function activityText(kind) {
        return activitySection.activityText(kind)
    }

    Flickable {
        id: flick
        objectName: "settingsFlickable"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacingXl
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Math.round((flick.width - width) / 2)
            y: Theme.spacingXl
            width: Math.min(720, flick.width - 2 * Theme.spacingXl)
            spacing: Theme.spacingL

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                Text {
                    objectName: "settingsTitle"
                    text: qsTr("Settings")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle + 2
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                }
                Spinner {
                    objectName: "settingsBusy"
                    visible: page.settings ? page.settings.busy : false
                    Layout.preferredWidth: 20
                    Layout.preferredHeight: 20
                    lineWidth: 2
                }
            }

            Banner {
                objectName: "settingsMessage"
                Layout.fillWidth: true
                kind: "warning"
                text: page.settings && page.settings.message ? page.settings.message : ""
                actionText: qsTr("Dismiss")
                onActionTriggered: page.settings.clearMessage()
            }

            ProfileSection {
                id: profileSection
                Layout.fillWidth: true
                settings: page.settings
            }

            AppearanceSection {
                Layout.fillWidth: true
                settings: page.settings
            }

            NotificationsSection {
                Layout.fillWidth: true
                settings: page.settings
            }

            ApiKeysSection {
                Layout.fillWidth: true
                settings: page.settings
            }

            ActivitySection {
                id: activitySection
                Layout.fillWidth: true
                settings: page.settings
            }

            DeviceSection {
                Layout.fillWidth: true
                auth: page.auth
                settings: page.settings
                library: page.library
            }
        }
    }
}
