import QtQuick
import QtQuick.Controls
import Clipshelf

// Multi-line text (notes) in the same look as AppTextField, scrolling once it
// is taller than `maximumHeight`.
ScrollView {
    id: view

    property alias text: area.text
    property alias placeholderText: area.placeholderText
    property alias textArea: area
    property bool invalid: false
    property int minimumHeight: 96
    property int maximumHeight: 200

    /// Ctrl+Enter: the form around it may save.
    signal submitted()

    implicitHeight: Math.min(maximumHeight, Math.max(minimumHeight, area.implicitHeight))
    implicitWidth: 200
    clip: true

    Accessible.ignored: true

    TextArea {
        id: area
        objectName: view.objectName + "Input"
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
        placeholderTextColor: Theme.textTertiary
        selectionColor: Theme.accent
        selectedTextColor: Theme.textOnAccent
        selectByMouse: true
        padding: Theme.spacingM
        Accessible.name: view.Accessible.name
        // Tab moves on instead of typing a tab character.
        Keys.onTabPressed: event => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason) }
        Keys.onBacktabPressed: event => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason) }
        Keys.onPressed: event => {
            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                    && (event.modifiers & Qt.ControlModifier)) {
                view.submitted()
                event.accepted = true
            }
        }
        background: null
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.surface
        border.width: area.activeFocus || view.invalid ? 1.5 : 1
        border.color: view.invalid ? Theme.errorIcon
                                   : area.activeFocus ? Theme.accent : Theme.border

        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: parent.radius + 3
            color: "transparent"
            border.width: 3
            border.color: view.invalid ? Theme.errorBorder : Theme.accentSoft
            visible: area.activeFocus
            z: -1
        }
    }
}
