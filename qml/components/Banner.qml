import QtQuick
import QtQuick.Layouts
import Clipshelf

// An inline message strip: kind "error" or "warning", an optional bold title,
// the message and an optional action button (actionText, actionTriggered()).
// Hidden while the message is empty.
Rectangle {
    id: banner

    property string kind: "error"
    property string title
    property string text
    property string actionText

    signal actionTriggered()

    readonly property bool isError: kind === "error"

    visible: text.length > 0
    implicitWidth: 360
    implicitHeight: row.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusM
    color: isError ? Theme.errorBackground : Theme.warningBackground
    border.width: 1
    border.color: isError ? Theme.errorBorder : Theme.warningBorder

    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.length > 0 ? title + ". " + text : text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM + 2
        anchors.rightMargin: Theme.spacingL
        anchors.topMargin: Theme.spacingM
        anchors.bottomMargin: Theme.spacingM
        spacing: Theme.spacingM - 2

        Icon {
            symbol: banner.isError ? "alert-circle" : "alert-triangle"
            color: banner.isError ? Theme.errorIcon : Theme.warningIcon
            size: 18
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 1
        }

        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true

            Text {
                objectName: banner.objectName + "Title"
                visible: text.length > 0
                text: banner.title
                color: banner.isError ? Theme.errorText : Theme.warningText
                font.pixelSize: Theme.fontBody - 1
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Text {
                objectName: banner.objectName + "Text"
                text: banner.text
                color: banner.isError ? Theme.errorText : Theme.warningText
                font.pixelSize: Theme.fontBody - 1
                lineHeight: 1.15
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
        }

        AppButton {
            objectName: banner.objectName + "Action"
            visible: banner.actionText.length > 0
            kind: "secondary"
            compact: true
            text: banner.actionText
            Layout.alignment: Qt.AlignVCenter
            onClicked: banner.actionTriggered()
        }
    }
}
