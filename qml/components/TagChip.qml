import QtQuick
import QtQuick.Templates as T
import Clipshelf

// A tag as a pill you can toggle: its name, how many videos carry it
// (`count` < 0 hides it) and, when `selected`, the indigo filter look.
// `removable` adds a × (tags being edited).
T.AbstractButton {
    id: chip

    property int count: -1
    property bool selected: false
    property bool removable: false

    checkable: false
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus
    implicitHeight: 30
    implicitWidth: row.implicitWidth + leftPadding + rightPadding
    leftPadding: Theme.spacingM
    rightPadding: removable ? Theme.spacingS : Theme.spacingM

    Accessible.role: removable ? Accessible.Button : Accessible.CheckBox
    Accessible.checkable: !removable
    Accessible.checked: selected
    Accessible.name: removable ? qsTr("Remove tag %1").arg(text)
                               : count === 1 ? qsTr("%1, 1 video").arg(text)
                               : count >= 0 ? qsTr("%1, %2 videos").arg(text).arg(count) : text

    Keys.onReturnPressed: chip.clicked()
    Keys.onEnterPressed: chip.clicked()
    Keys.onSpacePressed: chip.clicked()

    contentItem: Item {
        Row {
            id: row
            anchors.verticalCenter: parent.verticalCenter
            spacing: 6

            Text {
                text: chip.text
                color: chip.selected ? Theme.accentSoftText : Theme.text
                font.pixelSize: Theme.fontBody - 1
                font.weight: chip.selected ? Font.DemiBold : Font.Normal
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                visible: chip.count >= 0
                text: chip.count
                color: chip.selected ? Theme.accentSoftText : Theme.textTertiary
                opacity: chip.selected ? 0.8 : 1
                font.pixelSize: Theme.fontCaption
                anchors.verticalCenter: parent.verticalCenter
            }
            Icon {
                visible: chip.removable
                symbol: "close"
                size: 14
                color: chip.hovered ? Theme.text : Theme.textTertiary
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    background: Rectangle {
        radius: height / 2
        color: chip.selected ? Theme.accentSoft
                             : chip.down ? Theme.surfacePressed
                                         : chip.hovered ? Theme.surfaceMuted : Theme.surface
        border.width: 1
        border.color: chip.selected ? Theme.accent : chip.hovered ? Theme.borderStrong : Theme.border
        Behavior on color {
            ColorAnimation { duration: Theme.durationFast }
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: height / 2
            color: "transparent"
            border.width: 2
            border.color: Theme.focusRing
            visible: chip.visualFocus
        }
    }
}
