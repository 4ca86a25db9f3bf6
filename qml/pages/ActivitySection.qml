import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: recent security-relevant events on the account (the newest ten).
SettingsSection {
    id: root

    property QtObject settings

    /// "api_key_created" and friends in words.
    function activityText(kind) {
        switch (kind) {
        case "account_created": return qsTr("Account created")
        case "settings_changed": return qsTr("Settings changed")
        case "avatar_changed": return qsTr("Picture changed")
        case "api_key_created": return qsTr("API key created")
        case "api_key_revoked": return qsTr("API key revoked")
        case "video_deleted": return qsTr("Video deleted")
        }
        const words = (kind || "").replace(/_/g, " ")
        return words.length > 0 ? words.charAt(0).toUpperCase() + words.slice(1) : ""
    }

    function activityIcon(kind) {
        if (kind.indexOf("api_key") === 0)
            return "key"
        if (kind === "avatar_changed")
            return "image"
        if (kind === "video_deleted")
            return "trash"
        if (kind === "settings_changed")
            return "settings"
        return "user"
    }

    objectName: "activitySection"
    iconName: "activity"
    title: qsTr("Recent activity")
    description: qsTr("Security-relevant events on your account, newest first.")

    Text {
        visible: activityList.count === 0
        text: qsTr("Nothing yet.")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody - 1
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        visible: activityList.count > 0

        Repeater {
            id: activityList
            objectName: "activityList"
            model: root.settings ? root.settings.activity : null
            delegate: RowLayout {
                id: eventRow
                required property int index
                required property var eventId
                required property string kind
                required property var at
                required property string detail
                objectName: "activity_" + eventId
                visible: index < 10
                Layout.fillWidth: true
                spacing: Theme.spacingM

                Rectangle {
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                    radius: 14
                    color: Theme.surfaceMuted
                    Icon {
                        anchors.centerIn: parent
                        symbol: root.activityIcon(eventRow.kind)
                        size: 14
                        color: Theme.textSecondary
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Text {
                        text: root.activityText(eventRow.kind)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody - 1
                        font.weight: Font.Medium
                    }
                    Text {
                        visible: text.length > 0
                        text: eventRow.detail
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                    }
                }
                Item {
                    Layout.fillWidth: true
                }
                Text {
                    text: Formats.relative(eventRow.at)
                    color: Theme.textTertiary
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }
}
