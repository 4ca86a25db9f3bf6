import QtQuick
import Clipshelf

// The signed-in person's picture in a circle; a circle with their initials
// while there is no picture (none given, still loading, or failed to load).
Item {
    id: avatar

    property url source
    property string name
    property string email

    readonly property bool hasPicture: picture.status === Image.Ready
    readonly property string initials: initialsFor(name, email)

    /// "Ada Lovelace" -> "AL", "plato" -> "P", "" + "x@y.z" -> "X", else "?".
    function initialsFor(fullName, mail) {
        const words = (fullName || "").trim().split(/\s+/).filter(w => w.length > 0)
        const first = w => Array.from(w)[0].toLocaleUpperCase()
        if (words.length >= 2)
            return first(words[0]) + first(words[words.length - 1])
        if (words.length === 1)
            return first(words[0])
        const m = (mail || "").trim()
        return m.length > 0 ? first(m) : "?"
    }

    implicitWidth: 36
    implicitHeight: 36

    Accessible.role: Accessible.Graphic
    Accessible.name: name.length > 0 ? name : email

    Rectangle {
        id: initialsCircle
        objectName: "avatarInitials"
        anchors.fill: parent
        radius: width / 2
        color: Theme.accentSoft
        visible: !avatar.hasPicture

        Text {
            objectName: "avatarInitialsText"
            anchors.centerIn: parent
            text: avatar.initials
            color: Theme.accentSoftText
            font.pixelSize: Math.round(avatar.height * 0.38)
            font.weight: Font.DemiBold
        }
    }

    // Loaded off-screen at its natural size (the canvas draws from the same
    // pixels, so no sourceSize here); the canvas paints it cropped to a circle.
    Image {
        id: picture
        objectName: "avatarImage"
        visible: false
        source: avatar.source
        asynchronous: true
        cache: true
        onStatusChanged: if (status === Image.Ready) canvas.requestPaint()
    }

    Canvas {
        id: canvas
        objectName: "avatarPicture"
        anchors.fill: parent
        visible: avatar.hasPicture

        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            if (!avatar.hasPicture)
                return
            // Crop the middle square of the picture (aspect-fill), then keep a circle.
            const iw = picture.implicitWidth
            const ih = picture.implicitHeight
            const scale = Math.max(width / iw, height / ih)
            const sw = width / scale
            const sh = height / scale
            ctx.drawImage(picture, (iw - sw) / 2, (ih - sh) / 2, sw, sh, 0, 0, width, height)
            // Erase the corners: fill "square minus circle" (even-odd) with
            // destination-out, which keeps the circle's edge antialiased.
            const r = Math.min(width, height) / 2
            ctx.globalCompositeOperation = "destination-out"
            ctx.fillRule = Qt.OddEvenFill
            ctx.fillStyle = "#000000"
            ctx.beginPath()
            ctx.rect(0, 0, width, height)
            ctx.moveTo(width / 2 + r, height / 2)
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.closePath()
            ctx.fill()
        }
        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
    }

    // A hairline ring so light pictures keep their edge on a light header.
    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: "transparent"
        border.width: 1
        border.color: Theme.dark ? "#26FFFFFF" : "#1A000000"
        visible: avatar.hasPicture
    }
}
