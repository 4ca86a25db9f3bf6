import QtQuick
import Clipshelf

// A calm indeterminate progress ring in the accent colour.
Item {
    id: spinner

    property color color: Theme.accent
    property color trackColor: Theme.border
    property real lineWidth: 3
    property bool running: visible

    implicitWidth: 28
    implicitHeight: 28

    Accessible.role: Accessible.Animation
    Accessible.name: qsTr("Working")

    Canvas {
        id: ring
        anchors.fill: parent
        antialiasing: true

        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const r = Math.min(width, height) / 2 - spinner.lineWidth / 2
            const cx = width / 2
            const cy = height / 2
            ctx.lineWidth = spinner.lineWidth
            ctx.lineCap = "round"
            ctx.strokeStyle = spinner.trackColor
            ctx.beginPath()
            ctx.arc(cx, cy, r, 0, 2 * Math.PI)
            ctx.stroke()
            ctx.strokeStyle = spinner.color
            ctx.beginPath()
            ctx.arc(cx, cy, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 0.55)
            ctx.stroke()
        }

        RotationAnimator on rotation {
            from: 0
            to: 360
            duration: 900
            loops: Animation.Infinite
            running: spinner.running && spinner.visible
        }
    }

    onColorChanged: ring.requestPaint()
    onTrackColorChanged: ring.requestPaint()
    onLineWidthChanged: ring.requestPaint()
}
