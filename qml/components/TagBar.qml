import QtQuick
import QtQuick.Controls
import Clipshelf

// The tag filter: every tag as a chip with its count, scrolling sideways when
// there are many. Selecting several narrows with AND; "Clear" drops them all.
Item {
    id: bar

    /// The tags model (roles name, count, selected).
    property var model
    /// How many tags are selected (shows the Clear button).
    property int selectedCount: 0

    signal toggled(string name)
    signal cleared()

    implicitHeight: 34
    visible: list.count > 0

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Filter by tag")

    Icon {
        id: tagIcon
        symbol: "tag"
        size: 16
        color: Theme.textTertiary
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
    }

    ListView {
        id: list
        objectName: "tagList"
        anchors.left: tagIcon.right
        anchors.leftMargin: Theme.spacingS + 2
        anchors.right: clearButton.visible ? clearButton.left : parent.right
        anchors.rightMargin: clearButton.visible ? Theme.spacingS : 0
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        orientation: ListView.Horizontal
        spacing: Theme.spacingS
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: bar.model
        reuseItems: true
        keyNavigationEnabled: false
        activeFocusOnTab: false

        // The chips are small: a wheel scrolls the row sideways.
        WheelHandler {
            acceptedDevices: PointerDevice.Mouse
            onWheel: event => {
                const delta = event.angleDelta.y !== 0 ? event.angleDelta.y : event.angleDelta.x
                list.contentX = Math.max(0, Math.min(list.contentWidth - list.width,
                                                     list.contentX - delta))
            }
        }

        delegate: TagChip {
            // The roles through `model`: TagChip has its own count/selected.
            required property var model
            objectName: "tagChip_" + model.name
            anchors.verticalCenter: parent ? parent.verticalCenter : undefined
            text: model.name
            count: model.count
            selected: model.selected
            onClicked: bar.toggled(model.name)
        }
    }

    // Fades the row out under the Clear button instead of cutting a chip.
    Rectangle {
        visible: list.contentWidth > list.width && !list.atXEnd
        anchors.right: list.right
        anchors.top: list.top
        anchors.bottom: list.bottom
        width: 32
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0; color: "transparent" }
            GradientStop { position: 1; color: Theme.window }
        }
    }

    AppButton {
        id: clearButton
        objectName: "clearTagsButton"
        visible: bar.selectedCount > 0
        kind: "subtle"
        compact: true
        iconName: "close"
        text: qsTr("Clear")
        Accessible.name: qsTr("Clear tag filters")
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        onClicked: bar.cleared()
    }
}
