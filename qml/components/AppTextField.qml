import QtQuick
import QtQuick.Controls
import Clipshelf

// Clipshelf's single-line text field: a calm surface with a hairline border
// that turns indigo on focus, or red while `invalid`.
TextField {
    id: field

    /// Draws the error border (the message itself lives next to the field).
    property bool invalid: false

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textTertiary
    selectionColor: Theme.accent
    selectedTextColor: Theme.textOnAccent
    selectByMouse: true
    verticalAlignment: TextInput.AlignVCenter

    background: Rectangle {
        implicitWidth: 200
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusM
        color: field.enabled ? Theme.surface : Theme.surfaceMuted
        border.width: field.activeFocus || field.invalid ? 1.5 : 1
        border.color: field.invalid ? Theme.errorIcon
                                    : field.activeFocus ? Theme.accent
                                                        : field.hovered ? Theme.borderStrong : Theme.border

        // A soft halo around the focused field.
        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: parent.radius + 3
            color: "transparent"
            border.width: 3
            border.color: field.invalid ? Theme.errorBorder : Theme.accentSoft
            visible: field.activeFocus
            z: -1
        }
    }
}
