import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: the three email switches, each saved as soon as it is flipped
// (the controller rolls back and says why when that fails).
SettingsSection {
    id: root

    property QtObject settings

    objectName: "notificationsSection"
    iconName: "bell"
    title: qsTr("Notifications")
    description: qsTr("Email we may send you. Saved as soon as you switch.")

    Repeater {
        model: [
            { "key": "email_digest", "property": "emailDigest",
              "title": qsTr("Weekly digest"),
              "text": qsTr("A short summary of what you saved this week.") },
            { "key": "product_updates", "property": "productUpdates",
              "title": qsTr("Product updates"),
              "text": qsTr("New features, now and then.") },
            { "key": "security_alerts", "property": "securityAlerts",
              "title": qsTr("Security alerts"),
              "text": qsTr("New API keys and sign-ins on your account.") }
        ]
        // Plain anchors: a wrapping Text inside nested layouts
        // confuses their heights (the switch would sit low).
        delegate: Item {
            id: notificationRow
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: Math.max(notificationText.implicitHeight, notificationSwitch.implicitHeight)

            Column {
                id: notificationText
                anchors.left: parent.left
                anchors.right: notificationSwitch.left
                anchors.rightMargin: Theme.spacingL
                anchors.verticalCenter: parent.verticalCenter
                spacing: 2
                Text {
                    width: parent.width
                    text: notificationRow.modelData.title
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.Medium
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: notificationRow.modelData.text
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontBody - 1
                    wrapMode: Text.Wrap
                }
            }
            AppSwitch {
                id: notificationSwitch
                objectName: "switch_" + notificationRow.modelData.key
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                Accessible.name: notificationRow.modelData.title
                checked: root.settings ? root.settings[notificationRow.modelData.property] : false
                enabled: root.settings !== null
                onToggled: root.settings.setNotification(notificationRow.modelData.key, checked)
            }
        }
    }
}
