import QtQuick
import QtQuick.Layouts
import Clipshelf

// A card on the settings page: an icon, a heading, one line of explanation
// and the section's rows as children.
Rectangle {
    id: section

    property string iconName
    property string title
    property string description
    default property alias content: body.data

    implicitHeight: column.implicitHeight + 2 * Theme.spacingXl
    radius: Theme.radiusL
    color: Theme.surface
    border.width: 1
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingXl
        spacing: Theme.spacingL

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true

            Rectangle {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                Layout.alignment: Qt.AlignTop
                radius: Theme.radiusM
                color: Theme.accentSoft
                Icon {
                    anchors.centerIn: parent
                    symbol: section.iconName
                    size: 16
                    color: Theme.accentSoftText
                }
            }

            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Text {
                    objectName: section.objectName + "Title"
                    text: section.title
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                }
                Text {
                    visible: text.length > 0
                    text: section.description
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontBody - 1
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        ColumnLayout {
            id: body
            spacing: Theme.spacingL
            Layout.fillWidth: true
        }
    }
}
