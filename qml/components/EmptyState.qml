import QtQuick
import QtQuick.Layouts
import Clipshelf

// A centred placeholder: a soft icon badge, a title and one line of help.
ColumnLayout {
    id: empty

    property string iconName: "library"
    property string title
    property string description
    /// The widest the description may run before it wraps.
    property int descriptionWidth: 380

    spacing: Theme.spacingS

    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        Layout.bottomMargin: Theme.spacingM
        implicitWidth: 72
        implicitHeight: 72
        radius: width / 2
        color: Theme.accentSoft

        Icon {
            anchors.centerIn: parent
            size: 32
            symbol: empty.iconName
            color: Theme.accentSoftText
        }
    }

    Text {
        objectName: empty.objectName + "Title"
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 420
        text: empty.title
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }

    Text {
        objectName: empty.objectName + "Description"
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: empty.descriptionWidth
        visible: text.length > 0
        text: empty.description
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        lineHeight: 1.2
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
