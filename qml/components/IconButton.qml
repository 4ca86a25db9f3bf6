import QtQuick
import QtQuick.Controls
import QtQuick.Templates as T
import Clipshelf

// A square, text-less button with one icon; `text` is its tooltip and
// accessible name. `danger` tints it red on hover (delete).
T.AbstractButton {
    id: control

    property string iconName
    property int iconSize: 16
    property bool danger: false
    property color iconColor: danger && (hovered || down) ? Theme.errorIcon
                                                        : hovered || down ? Theme.text : Theme.textSecondary

    implicitWidth: Theme.controlHeightSmall
    implicitHeight: Theme.controlHeightSmall
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    opacity: enabled ? 1 : 0.45

    Accessible.role: Accessible.Button
    Accessible.name: text

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    ToolTip.visible: hovered && text.length > 0
    ToolTip.delay: 600
    ToolTip.text: text

    contentItem: Item {
        Icon {
            anchors.centerIn: parent
            symbol: control.iconName
            size: control.iconSize
            color: control.iconColor
        }
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: control.down ? Theme.surfacePressed
                            : control.hovered ? (control.danger ? Theme.errorBackground : Theme.surfaceMuted)
                                              : "transparent"
        Behavior on color {
            ColorAnimation { duration: Theme.durationFast }
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: -2
            radius: parent.radius + 2
            color: "transparent"
            border.width: 2
            border.color: Theme.focusRing
            visible: control.visualFocus
        }
    }
}
