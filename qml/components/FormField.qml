import QtQuick
import QtQuick.Layouts
import Clipshelf

// A labelled form row: the label, the control(s) given as children, and one
// line under them: the error when there is one, else the hint.
ColumnLayout {
    id: field

    property string label
    /// Quiet text after the label, e.g. "Optional".
    property string labelNote
    property string hint
    property string error
    default property alias content: slot.data

    spacing: 6

    RowLayout {
        spacing: Theme.spacingS
        visible: field.label.length > 0
        Layout.fillWidth: true

        Text {
            objectName: field.objectName + "Label"
            text: field.label
            color: Theme.text
            font.pixelSize: Theme.fontBody - 1
            font.weight: Font.Medium
        }
        Text {
            visible: text.length > 0
            text: field.labelNote
            color: Theme.textTertiary
            font.pixelSize: Theme.fontCaption
        }
        Item { Layout.fillWidth: true }
    }

    ColumnLayout {
        id: slot
        spacing: 0
        Layout.fillWidth: true
    }

    RowLayout {
        spacing: 6
        visible: message.text.length > 0
        Layout.fillWidth: true

        Icon {
            visible: field.error.length > 0
            symbol: "alert-circle"
            size: 14
            color: Theme.errorIcon
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 1
        }
        Text {
            id: message
            objectName: field.objectName + "Message"
            text: field.error.length > 0 ? field.error : field.hint
            color: field.error.length > 0 ? Theme.errorText : Theme.textSecondary
            font.pixelSize: Theme.fontCaption
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Accessible.role: field.error.length > 0 ? Accessible.AlertMessage : Accessible.StaticText
        }
    }
}
