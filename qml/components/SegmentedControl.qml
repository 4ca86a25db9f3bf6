import QtQuick
import QtQuick.Templates as T
import Clipshelf

// A row of mutually exclusive choices in one rounded track (theme, language).
// model: [{ value, label }]; `value` is the chosen one; activated(value) when
// the person picks another.
Rectangle {
    id: control

    property var model: []
    property string value
    signal activated(string value)

    implicitWidth: row.implicitWidth + 8
    implicitHeight: Theme.controlHeight
    radius: Theme.radiusM
    color: Theme.surfaceMuted
    border.width: 1
    border.color: Theme.border

    Accessible.role: Accessible.PageTabList

    Row {
        id: row
        anchors.fill: parent
        anchors.margins: 4
        spacing: 2

        Repeater {
            model: control.model
            delegate: T.AbstractButton {
                id: segment
                required property var modelData
                readonly property bool chosen: modelData.value === control.value
                objectName: control.objectName + "_" + modelData.value
                height: row.height
                implicitWidth: label.implicitWidth + 2 * Theme.spacingL
                width: implicitWidth
                hoverEnabled: true
                focusPolicy: Qt.StrongFocus
                text: modelData.label
                checkable: false
                Accessible.role: Accessible.RadioButton
                Accessible.name: text
                Accessible.checkable: true
                Accessible.checked: chosen
                Keys.onReturnPressed: clicked()
                Keys.onSpacePressed: clicked()
                Keys.onLeftPressed: nextItemInFocusChain(false).forceActiveFocus()
                Keys.onRightPressed: nextItemInFocusChain(true).forceActiveFocus()
                onClicked: if (!chosen) control.activated(modelData.value)

                contentItem: Text {
                    id: label
                    text: segment.text
                    color: segment.chosen ? Theme.text : segment.hovered ? Theme.text : Theme.textSecondary
                    font.pixelSize: Theme.fontBody - 1
                    font.weight: segment.chosen ? Font.DemiBold : Font.Medium
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radiusS
                    color: segment.chosen ? Theme.surface : "transparent"
                    border.width: segment.chosen ? 1 : 0
                    border.color: Theme.border
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
                        visible: segment.visualFocus
                    }
                }
            }
        }
    }
}
