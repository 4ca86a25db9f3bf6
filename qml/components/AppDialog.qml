import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// A modal card in the middle of the window: a title, an optional line of
// description, the children as its body and `buttons` at the bottom right.
// Escape (and a click outside, unless `persistent`) closes it.
Popup {
    id: dialog

    property string title
    property string description
    /// When true only the buttons close it (no Escape, no outside click).
    property bool persistent: false
    property int preferredWidth: 480
    default property alias content: body.data
    property alias buttons: buttonRow.data
    /// Extra items at the left of the button row (e.g. a destructive action).
    property alias leadingButtons: leadingRow.data

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(preferredWidth, (parent ? parent.width : preferredWidth) - 2 * Theme.spacingXl)
    modal: true
    focus: true
    padding: Theme.spacingXl
    topPadding: Theme.spacingXl - 2
    closePolicy: persistent ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    Overlay.modal: Rectangle {
        color: Theme.dark ? "#A6000000" : "#5C1A1D29"
        Behavior on opacity {
            NumberAnimation { duration: Theme.durationFast }
        }
    }

    enter: Transition {
        ParallelAnimation {
            NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
            NumberAnimation { property: "scale"; from: 0.97; to: 1; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
        }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.durationFast }
    }

    background: Item {
        // Soft shadow rings, as under the sign-in card.
        Repeater {
            model: 10
            delegate: Rectangle {
                required property int index
                readonly property real spread: index + 1
                x: -spread
                y: -spread + 4 + index
                width: parent.width + 2 * spread
                height: parent.height + 2 * spread
                radius: Theme.radiusXl + spread
                color: Theme.dark ? Qt.rgba(0, 0, 0, 0.06) : Qt.rgba(0.06, 0.09, 0.2, 0.018)
            }
        }
        Rectangle {
            anchors.fill: parent
            radius: Theme.radiusXl
            color: Theme.surface
            border.width: 1
            border.color: Theme.border
        }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingL

        ColumnLayout {
            spacing: Theme.spacingXs
            Layout.fillWidth: true

            Text {
                objectName: dialog.objectName + "Title"
                text: dialog.title
                visible: text.length > 0
                color: Theme.text
                font.pixelSize: Theme.fontTitle - 2
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
            }
            Text {
                objectName: dialog.objectName + "Description"
                text: dialog.description
                visible: text.length > 0
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
                lineHeight: 1.2
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
        }

        ColumnLayout {
            id: body
            spacing: Theme.spacingL
            visible: children.length > 0
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs

            RowLayout {
                id: leadingRow
                spacing: Theme.spacingS
            }
            Item { Layout.fillWidth: true }
            RowLayout {
                id: buttonRow
                spacing: Theme.spacingS
            }
        }
    }
}
