import QtQuick
import Clipshelf

// The library's search box: a magnifier, the text, a clear button once
// something is typed, and a quiet "Ctrl+F" hint while it is idle.
AppTextField {
    id: field

    /// Shown at the right while the field is empty and unfocused.
    property string shortcutHint: qsTr("Ctrl+F")

    /// The text was cleared (Escape or the × button), which textEdited does not report.
    signal cleared()

    leftPadding: Theme.spacingM + 16 + Theme.spacingS
    rightPadding: clearButton.visible ? clearButton.width + Theme.spacingS
                                      : hint.visible ? hint.width + Theme.spacingM * 2 : Theme.spacingM
    placeholderText: qsTr("Search titles, notes and links")
    Accessible.name: qsTr("Search your library")
    Accessible.role: Accessible.EditableText

    Keys.onEscapePressed: event => {
        if (text.length > 0) {
            clear()
            cleared()
            event.accepted = true
        } else {
            event.accepted = false
        }
    }

    Icon {
        symbol: "search"
        size: 16
        color: field.activeFocus ? Theme.accent : Theme.textTertiary
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacingM
        anchors.verticalCenter: parent.verticalCenter
    }

    Rectangle {
        id: hint
        visible: field.text.length === 0 && !field.activeFocus && field.shortcutHint.length > 0
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingS + 2
        anchors.verticalCenter: parent.verticalCenter
        width: hintText.implicitWidth + 12
        height: 22
        radius: Theme.radiusS
        color: Theme.surfaceMuted
        border.width: 1
        border.color: Theme.border

        Text {
            id: hintText
            anchors.centerIn: parent
            text: field.shortcutHint
            color: Theme.textTertiary
            font.pixelSize: Theme.fontCaption - 1
        }
    }

    IconButton {
        id: clearButton
        objectName: field.objectName + "Clear"
        visible: field.text.length > 0
        iconName: "close"
        iconSize: 14
        width: 28
        height: 28
        focusPolicy: Qt.NoFocus
        text: qsTr("Clear search")
        anchors.right: parent.right
        anchors.rightMargin: 6
        anchors.verticalCenter: parent.verticalCenter
        onClicked: {
            field.clear()
            field.cleared()
            field.forceActiveFocus()
        }
    }
}
