import QtQuick
import QtQuick.Templates as T
import Clipshelf

// An on/off switch in the accent colour: the track and a sliding knob.
T.Switch {
    id: control

    implicitWidth: 40
    implicitHeight: 24
    padding: 0
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: checked

    indicator: Rectangle {
        width: control.width
        height: control.height
        radius: height / 2
        color: control.checked ? (control.hovered ? Theme.accentHover : Theme.accent)
                               : (control.hovered ? Theme.borderStrong : Theme.border)
        opacity: control.enabled ? 1 : 0.5
        Behavior on color {
            ColorAnimation { duration: Theme.durationFast }
        }

        Rectangle {
            width: parent.height - 6
            height: width
            radius: width / 2
            y: 3
            x: control.checked ? parent.width - width - 3 : 3
            color: "#FFFFFF"
            Behavior on x {
                NumberAnimation { duration: Theme.durationFast; easing.type: Easing.OutCubic }
            }
        }

        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: height / 2
            color: "transparent"
            border.width: 2
            border.color: Theme.focusRing
            visible: control.visualFocus
        }
    }
    contentItem: null
}
