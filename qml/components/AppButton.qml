import QtQuick
import QtQuick.Templates as T
import Clipshelf

// Clipshelf's push button. kind: "primary" (filled accent), "secondary"
// (outlined surface), "subtle" (text only until hovered) or "danger" (filled
// red, for confirming something destructive). iconName: one of
// the bundled icons, shown before the text.
T.Button {
    id: control

    property string kind: "secondary"
    property string iconName
    property bool compact: false

    readonly property bool isPrimary: kind === "primary"
    readonly property bool isSubtle: kind === "subtle"
    readonly property bool isDanger: kind === "danger"
    readonly property color foreground: isPrimary || isDanger ? Theme.textOnAccent
                                                  : isSubtle && !(hovered || down) ? Theme.textSecondary
                                                                                   : Theme.text

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)

    leftPadding: compact ? Theme.spacingM : Theme.spacingL + (isPrimary ? 4 : 0)
    rightPadding: leftPadding
    topPadding: 0
    bottomPadding: 0
    spacing: Theme.spacingS

    font.pixelSize: compact ? Theme.fontBody - 1 : Theme.fontBody
    font.weight: isPrimary || isDanger ? Font.DemiBold : Font.Medium
    focusPolicy: Qt.StrongFocus
    opacity: enabled ? 1 : 0.5

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Item {
        // From the label's natural width, never its (elided) actual width, so the
        // button's implicit size does not depend on the size it was given.
        implicitWidth: (glyph.visible ? glyph.width + control.spacing : 0) + label.implicitWidth
        implicitHeight: Math.max(glyph.visible ? glyph.height : 0, label.implicitHeight)

        Row {
            id: row
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.width)
            spacing: control.spacing

            Icon {
                id: glyph
                visible: control.iconName.length > 0
                symbol: control.iconName
                size: 16
                color: control.foreground
                anchors.verticalCenter: parent.verticalCenter
            }

            Text {
                id: label
                text: control.text
                font: control.font
                color: control.foreground
                elide: Text.ElideRight
                width: Math.min(implicitWidth,
                                row.parent.width - (glyph.visible ? glyph.width + row.spacing : 0))
                anchors.verticalCenter: parent.verticalCenter

                Behavior on color {
                    ColorAnimation { duration: Theme.durationFast }
                }
            }
        }
    }

    background: Rectangle {
        implicitWidth: control.compact ? 64 : 96
        implicitHeight: control.compact ? Theme.controlHeightSmall : Theme.controlHeight
        radius: Theme.radiusM
        color: {
            if (control.isPrimary)
                return control.down ? Theme.accentPressed
                                    : control.hovered ? Theme.accentHover : Theme.accent
            if (control.isDanger)
                return control.down ? Theme.dangerPressed
                                    : control.hovered ? Theme.dangerHover : Theme.danger
            if (control.isSubtle)
                return control.down ? Theme.surfacePressed
                                    : control.hovered ? Theme.surfaceMuted : "transparent"
            return control.down ? Theme.surfacePressed
                                : control.hovered ? Theme.surfaceMuted : Theme.surface
        }
        border.width: control.isPrimary || control.isSubtle || control.isDanger ? 0 : 1
        border.color: Theme.borderStrong

        Behavior on color {
            ColorAnimation { duration: Theme.durationFast }
        }

        // Keyboard focus ring, drawn just outside the button.
        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: parent.radius + 3
            color: "transparent"
            border.width: 2
            border.color: Theme.focusRing
            visible: control.visualFocus
        }
    }
}
