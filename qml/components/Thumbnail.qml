import QtQuick
import Clipshelf

// A video's thumbnail from the thumbnail provider (image://thumbnail/<id>),
// loaded off the UI thread. A quiet placeholder with a play glyph shows while
// it loads, offline, or when there is none.
Item {
    id: thumb

    property string youtubeId
    property int radius: Theme.radiusM
    /// The colour around the thumbnail: used to round its corners cheaply
    /// (a frame in that colour instead of a clipping layer).
    property color backgroundColor: Theme.surface
    readonly property bool loaded: image.status === Image.Ready

    implicitWidth: 128
    implicitHeight: 72

    Accessible.ignored: true

    Rectangle {
        objectName: thumb.objectName + "Placeholder"
        anchors.fill: parent
        radius: thumb.radius
        color: Theme.surfaceMuted
        visible: !thumb.loaded || image.opacity < 1

        Rectangle {
            anchors.centerIn: parent
            width: Math.min(36, parent.height * 0.5)
            height: width
            radius: width / 2
            color: Theme.dark ? "#14FFFFFF" : "#0F000000"

            Icon {
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: 1
                symbol: "play"
                size: Math.round(parent.width * 0.45)
                color: Theme.textTertiary
            }
        }
    }

    Image {
        id: image
        objectName: thumb.objectName + "Image"
        anchors.fill: parent
        source: thumb.youtubeId.length > 0 ? "image://thumbnail/" + thumb.youtubeId : ""
        asynchronous: true
        cache: true
        fillMode: Image.PreserveAspectCrop
        // Twice the usual size, for high-density screens.
        sourceSize.width: 320
        sourceSize.height: 180
        opacity: status === Image.Ready ? 1 : 0
        Behavior on opacity {
            NumberAnimation { duration: Theme.durationNormal }
        }
    }

    // Rounds the picture's corners: a ring in the surrounding colour whose
    // inner edge is the rounded rectangle (half the radius is enough to cover
    // the corners, and keeps the ring off anything around the thumbnail).
    Rectangle {
        readonly property int ring: Math.ceil(thumb.radius / 2) + 1
        visible: thumb.loaded && thumb.radius > 0
        anchors.fill: parent
        anchors.margins: -ring
        radius: thumb.radius + ring
        color: "transparent"
        border.width: ring
        border.color: thumb.backgroundColor
    }
}
