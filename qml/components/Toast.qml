import QtQuick
import QtQuick.Layouts
import QtQuick.Templates as T
import Clipshelf

// A short message that rises at the bottom of the page and leaves by itself:
// "Link copied", or with an action such as Undo and a thin line showing the
// time left. show() replaces whatever is showing.
Item {
    id: toast

    property string text
    property string actionText
    /// How long it stays, in ms.
    property int duration: 3000
    /// Something the owner attaches (e.g. the id of the video to restore).
    property var payload
    readonly property bool shown: state === "shown"
    /// 1 -> 0 while the toast is shown (the time-left line).
    property real remaining: 1

    /// The action button was pressed (the toast is gone by then).
    signal actionTriggered(var payload)
    /// The toast left without its action being used (timeout or replaced).
    signal expired(var payload)

    function show(message, action, ms, data) {
        if (shown && actionText.length > 0)
            expired(payload) // replaced before its time: the old one counts as expired
        text = message
        actionText = action || ""
        duration = ms || 3000
        payload = data
        state = "shown"
        progress.restart()
        timer.restart()
    }

    function hide() {
        timer.stop()
        progress.stop()
        state = ""
    }

    implicitWidth: Math.min(560, card.implicitWidth)
    implicitHeight: card.implicitHeight
    opacity: 0
    visible: opacity > 0
    z: 100

    states: State {
        name: "shown"
        PropertyChanges { target: toast; opacity: 1 }
        PropertyChanges { target: card; anchors.verticalCenterOffset: 0 }
    }
    transitions: Transition {
        NumberAnimation { properties: "opacity,anchors.verticalCenterOffset"; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
    }

    NumberAnimation {
        id: progress
        target: toast
        property: "remaining"
        from: 1
        to: 0
        duration: toast.duration
    }

    Timer {
        id: timer
        interval: toast.duration
        onTriggered: {
            const data = toast.payload
            const hadAction = toast.actionText.length > 0
            toast.hide()
            if (hadAction)
                toast.expired(data)
        }
    }

    Rectangle {
        id: card
        objectName: toast.objectName + "Card"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.verticalCenter
        anchors.verticalCenterOffset: 12
        implicitWidth: Math.min(560, row.implicitWidth + 2 * Theme.spacingL)
        implicitHeight: Math.max(44, row.implicitHeight + 2 * Theme.spacingM)
        width: Math.min(implicitWidth, toast.width)
        height: implicitHeight
        radius: Theme.radiusL
        color: Theme.inverseSurface
        clip: true

        Accessible.role: Accessible.AlertMessage
        Accessible.name: toast.text

        RowLayout {
            id: row
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingL
            anchors.rightMargin: toast.actionText.length > 0 ? Theme.spacingS : Theme.spacingL
            spacing: Theme.spacingL

            Text {
                objectName: toast.objectName + "Text"
                text: toast.text
                color: Theme.inverseText
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.maximumWidth: 420
            }

            T.AbstractButton {
                id: action
                objectName: toast.objectName + "Action"
                visible: toast.actionText.length > 0
                text: toast.actionText
                hoverEnabled: true
                focusPolicy: Qt.StrongFocus
                implicitHeight: Theme.controlHeightSmall
                implicitWidth: actionLabel.implicitWidth + 2 * Theme.spacingM
                Accessible.role: Accessible.Button
                Accessible.name: text
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                contentItem: Text {
                    id: actionLabel
                    text: action.text
                    color: Theme.inverseAccent
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radiusM
                    color: action.down ? (Theme.dark ? "#1A000000" : "#33FFFFFF")
                                       : action.hovered || action.visualFocus ? (Theme.dark ? "#0F000000" : "#1FFFFFFF")
                                                                              : "transparent"
                }
                onClicked: {
                    const data = toast.payload
                    toast.hide()
                    toast.actionTriggered(data)
                }
            }
        }

        // Time left, for toasts with an action.
        Rectangle {
            id: bar
            visible: toast.actionText.length > 0
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            height: 2
            width: card.width * toast.remaining
            color: Theme.inverseAccent
        }
    }
}
