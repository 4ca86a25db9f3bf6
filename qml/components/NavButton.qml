import QtQuick
import QtQuick.Templates as T
import Clipshelf

// A header tab (Library, Settings): icon and text, indigo-tinted when it is
// the page being shown.
T.AbstractButton {
    id: control

    property string iconName
    property bool current: false

    implicitHeight: Theme.controlHeightSmall + 4
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.selected: current

    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
    Keys.onSpacePressed: clicked()

    contentItem: Item {
        Row {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spacingS
            Icon {
                symbol: control.iconName
                size: 16
                color: control.current ? Theme.accentSoftText : control.hovered ? Theme.text : Theme.textSecondary
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: control.text
                color: control.current ? Theme.accentSoftText : control.hovered ? Theme.text : Theme.textSecondary
                font.pixelSize: Theme.fontBody
                font.weight: control.current ? Font.DemiBold : Font.Medium
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: control.current ? Theme.accentSoft
                               : control.down ? Theme.surfacePressed
                                              : control.hovered ? Theme.surfaceMuted : "transparent"
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
