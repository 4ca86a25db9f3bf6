import QtQuick
import QtQuick.Controls
import Clipshelf

// The connection state, unobtrusively: a small dot and a few words in the
// header ("Online", "Reconnecting in 4 s", "Offline · retrying in 12 s",
// "Session ended"), with a sentence more on hover. It never offers to sign in:
// transient failures heal by themselves, and an ended session already takes
// the app back to the sign-in page.
Item {
    id: indicator
    objectName: "connectionIndicator"

    /// The SessionManager (App.auth.sessions) or anything with connectionState,
    /// reconnectInSeconds and connectionStateChanged; null counts as online.
    property QtObject sessions

    readonly property int connectionState: sessions ? sessions.connectionState : SessionManager.Online
    /// Seconds until the next automatic attempt, counting down (0: now or unknown).
    readonly property int secondsLeft: Math.max(0, Math.ceil((deadline - now) / 1000))

    readonly property string label: {
        switch (connectionState) {
        case SessionManager.Reconnecting:
            return secondsLeft > 0 ? qsTr("Reconnecting in %1 s").arg(secondsLeft) : qsTr("Reconnecting…")
        case SessionManager.Offline:
            return secondsLeft > 0 ? qsTr("Offline · retrying in %1 s").arg(secondsLeft) : qsTr("Offline")
        case SessionManager.SessionEnded:
            return qsTr("Session ended")
        default:
            return qsTr("Online")
        }
    }
    readonly property string explanation: {
        switch (connectionState) {
        case SessionManager.Reconnecting:
            return qsTr("Clipshelf could not renew your sign-in just now and will try again by itself. You stay signed in.")
        case SessionManager.Offline:
            return qsTr("Clipshelf cannot reach the service. You stay signed in, and it reconnects by itself.")
        case SessionManager.SessionEnded:
            return qsTr("Your session has ended — please sign in again.")
        default:
            return qsTr("Connected to your Clipshelf account.")
        }
    }
    readonly property color tone: {
        switch (connectionState) {
        case SessionManager.Reconnecting:
        case SessionManager.Offline:
            return Theme.warningIcon
        case SessionManager.SessionEnded:
            return Theme.errorIcon
        default:
            return Theme.success
        }
    }

    // The countdown runs here: the SessionManager only says when the next try is due.
    property real deadline: 0
    property real now: 0
    function restartCountdown() {
        now = Date.now()
        deadline = sessions && sessions.reconnectInSeconds > 0 ? now + sessions.reconnectInSeconds * 1000 : 0
    }
    onSessionsChanged: restartCountdown()
    Component.onCompleted: restartCountdown()
    Connections {
        target: indicator.sessions
        ignoreUnknownSignals: true
        function onConnectionStateChanged() { indicator.restartCountdown() }
        function onReconnectInSecondsChanged() { indicator.restartCountdown() }
    }
    Timer {
        objectName: "connectionCountdown"
        interval: 250
        repeat: true
        running: indicator.deadline > indicator.now
        onTriggered: indicator.now = Date.now()
    }

    implicitWidth: row.implicitWidth
    implicitHeight: Math.max(24, row.implicitHeight)

    Accessible.role: Accessible.StaticText
    Accessible.name: label
    Accessible.description: explanation

    Row {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        spacing: 6

        Rectangle {
            objectName: "connectionDot"
            width: 8
            height: 8
            radius: 4
            anchors.verticalCenter: parent.verticalCenter
            color: indicator.tone
            visible: indicator.connectionState === SessionManager.Online
                     || indicator.connectionState === SessionManager.Reconnecting
        }
        Icon {
            objectName: "connectionIcon"
            size: 14
            anchors.verticalCenter: parent.verticalCenter
            visible: !dotVisible
            readonly property bool dotVisible: indicator.connectionState === SessionManager.Online
                                               || indicator.connectionState === SessionManager.Reconnecting
            symbol: indicator.connectionState === SessionManager.SessionEnded ? "lock" : "cloud-off"
            color: indicator.tone
        }
        Text {
            objectName: "connectionLabel"
            anchors.verticalCenter: parent.verticalCenter
            text: indicator.label
            color: indicator.connectionState === SessionManager.Online ? Theme.textTertiary
                   : indicator.connectionState === SessionManager.SessionEnded ? Theme.errorText : Theme.warningText
            font.pixelSize: Theme.fontCaption
        }
    }

    HoverHandler {
        id: hover
    }
    ToolTip {
        objectName: "connectionToolTip"
        visible: hover.hovered
        delay: 400
        text: indicator.explanation
    }
}
