import QtQuick
import Clipshelf

// One quiet line about syncing: offline, "N changes waiting to sync",
// syncing, or all synced.
Item {
    id: status

    property int pendingChanges: 0
    property bool offline: false
    property bool busy: false

    readonly property string message: {
        const waiting = pendingChanges === 1 ? qsTr("1 change waiting to sync")
                                             : qsTr("%1 changes waiting to sync").arg(pendingChanges)
        if (offline)
            return pendingChanges > 0 ? qsTr("Offline · %1").arg(waiting)
                                      : qsTr("Offline · showing your saved library")
        if (pendingChanges > 0)
            return waiting
        if (busy)
            return qsTr("Syncing…")
        return qsTr("All changes synced")
    }

    implicitWidth: row.implicitWidth
    implicitHeight: 24

    Accessible.role: Accessible.StaticText
    Accessible.name: message

    Row {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        spacing: 6

        Item {
            width: 16
            height: 16
            anchors.verticalCenter: parent.verticalCenter

            Spinner {
                anchors.fill: parent
                lineWidth: 2
                visible: status.busy && !status.offline && status.pendingChanges === 0
            }
            Icon {
                anchors.fill: parent
                size: 16
                visible: !(status.busy && !status.offline && status.pendingChanges === 0)
                symbol: status.offline ? "cloud-off" : status.pendingChanges > 0 ? "cloud-upload" : "check"
                color: status.offline || status.pendingChanges > 0 ? Theme.warningIcon : Theme.textTertiary
            }
        }

        Text {
            objectName: status.objectName + "Text"
            text: status.message
            color: status.offline || status.pendingChanges > 0 ? Theme.warningText : Theme.textTertiary
            font.pixelSize: Theme.fontCaption
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
