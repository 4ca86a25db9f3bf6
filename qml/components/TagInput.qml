import QtQuick
import QtQuick.Controls
import Clipshelf

// Tags being edited: the chosen ones as removable chips followed by a text
// input. Enter, comma or Tab adds what is typed; Backspace in the empty input
// removes the last chip. While typing, `completer(prefix)` (the library's
// existing tags, most used first) offers completions to pick with the arrow
// keys or the mouse.
Rectangle {
    id: root

    /// The tags, lower-cased and without duplicates.
    property var tags: []
    /// function(prefix) -> list of strings; may be null.
    property var completer: null
    property string placeholderText: qsTr("Add tags")
    property bool invalid: false
    property int maximumTags: 20
    property int maximumLength: 40
    readonly property alias inputText: input.text
    readonly property alias inputItem: input
    readonly property alias suggestions: completionModel
    readonly property bool suggesting: popup.opened

    signal edited()

    function normalized(text) {
        return text.trim().replace(/\s+/g, " ").toLowerCase().slice(0, maximumLength)
    }

    /// Adds what is typed (or `text`); returns true when a tag was added.
    function commit(text) {
        const tag = normalized(text !== undefined ? text : input.text)
        input.text = ""
        if (tag.length === 0 || tags.indexOf(tag) >= 0 || tags.length >= maximumTags)
            return false
        tags = tags.concat([tag])
        edited()
        return true
    }

    function removeAt(i) {
        const copy = tags.slice()
        copy.splice(i, 1)
        tags = copy
        edited()
    }

    /// Tags with whatever is still typed, for saving.
    function allTags() {
        const pending = normalized(input.text)
        return pending.length > 0 && tags.indexOf(pending) < 0 && tags.length < maximumTags
            ? tags.concat([pending]) : tags
    }

    function refreshSuggestions() {
        completionModel.clear()
        if (!completer || !input.activeFocus) {
            popup.close()
            return
        }
        const prefix = normalized(input.text)
        const found = completer(prefix) || []
        let added = 0
        for (let i = 0; i < found.length && added < 6; ++i) {
            if (tags.indexOf(found[i]) >= 0 || found[i] === prefix)
                continue
            completionModel.append({ "name": found[i] })
            ++added
        }
        completionList.currentIndex = -1
        if (completionModel.count > 0 && prefix.length > 0)
            popup.open()
        else
            popup.close()
    }

    implicitWidth: 200
    implicitHeight: Math.max(Theme.controlHeight, flow.implicitHeight + 12)
    radius: Theme.radiusM
    color: Theme.surface
    border.width: input.activeFocus || invalid ? 1.5 : 1
    border.color: invalid ? Theme.errorIcon : input.activeFocus ? Theme.accent : Theme.border

    Accessible.role: Accessible.EditableText
    Accessible.name: qsTr("Tags")

    Rectangle {
        anchors.fill: parent
        anchors.margins: -3
        radius: parent.radius + 3
        color: "transparent"
        border.width: 3
        border.color: root.invalid ? Theme.errorBorder : Theme.accentSoft
        visible: input.activeFocus
        z: -1
    }

    MouseArea {
        anchors.fill: parent
        cursorShape: Qt.IBeamCursor
        onClicked: input.forceActiveFocus()
    }

    Flow {
        id: flow
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: 6
        anchors.rightMargin: 6
        spacing: 6

        Repeater {
            model: root.tags
            delegate: TagChip {
                required property string modelData
                required property int index
                objectName: "tagInputChip_" + modelData
                text: modelData
                removable: true
                implicitHeight: 26
                focusPolicy: Qt.NoFocus
                onClicked: root.removeAt(index)
            }
        }

        TextInput {
            id: input
            objectName: root.objectName + "Field"
            width: Math.max(80, Math.min(flow.width, contentWidth + 24))
            height: 26
            verticalAlignment: TextInput.AlignVCenter
            leftPadding: 6
            font.pixelSize: Theme.fontBody
            color: Theme.text
            selectionColor: Theme.accent
            selectedTextColor: Theme.textOnAccent
            selectByMouse: true
            clip: true
            maximumLength: root.maximumLength
            Accessible.name: qsTr("New tag")

            Text {
                anchors.fill: parent
                leftPadding: 6
                verticalAlignment: Text.AlignVCenter
                visible: input.text.length === 0 && root.tags.length === 0
                text: root.placeholderText
                color: Theme.textTertiary
                font: input.font
                elide: Text.ElideRight
            }

            onTextEdited: {
                if (text.indexOf(",") >= 0) {
                    const parts = text.split(",")
                    for (let i = 0; i < parts.length - 1; ++i)
                        root.commit(parts[i])
                    text = parts[parts.length - 1]
                }
                root.refreshSuggestions()
            }
            onActiveFocusChanged: {
                if (!activeFocus) {
                    root.commit() // a tag typed and left is kept, not lost
                    popup.close()
                }
            }

            Keys.onPressed: event => {
                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    if (popup.opened && completionList.currentIndex >= 0) {
                        root.commit(completionModel.get(completionList.currentIndex).name)
                        popup.close()
                        event.accepted = true
                    } else if (text.trim().length > 0) {
                        root.commit()
                        popup.close()
                        event.accepted = true
                    }
                } else if (event.key === Qt.Key_Tab && text.trim().length > 0) {
                    if (popup.opened && completionModel.count > 0)
                        root.commit(completionModel.get(Math.max(0, completionList.currentIndex)).name)
                    else
                        root.commit()
                    popup.close()
                    event.accepted = true
                } else if (event.key === Qt.Key_Backspace && text.length === 0 && root.tags.length > 0) {
                    root.removeAt(root.tags.length - 1)
                    event.accepted = true
                } else if (event.key === Qt.Key_Down && popup.opened) {
                    completionList.currentIndex = Math.min(completionModel.count - 1, completionList.currentIndex + 1)
                    event.accepted = true
                } else if (event.key === Qt.Key_Up && popup.opened) {
                    completionList.currentIndex = Math.max(-1, completionList.currentIndex - 1)
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape && popup.opened) {
                    popup.close()
                    event.accepted = true
                }
            }
        }
    }

    ListModel {
        id: completionModel
    }

    Popup {
        id: popup
        objectName: root.objectName + "Completions"
        y: root.height + 4
        width: Math.min(root.width, 280)
        padding: 4
        focus: false
        closePolicy: Popup.CloseOnPressOutsideParent | Popup.CloseOnEscape

        background: Rectangle {
            radius: Theme.radiusM
            color: Theme.surface
            border.width: 1
            border.color: Theme.borderStrong
        }

        contentItem: ListView {
            id: completionList
            objectName: root.objectName + "CompletionList"
            implicitHeight: contentHeight
            model: completionModel
            interactive: false
            currentIndex: -1
            delegate: Rectangle {
                id: suggestion
                required property string name
                required property int index
                objectName: "tagSuggestion_" + name
                width: ListView.view.width
                height: 30
                radius: Theme.radiusS
                color: ListView.isCurrentItem || hover.hovered ? Theme.accentSoft : "transparent"

                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacingS
                    spacing: Theme.spacingS
                    Icon {
                        symbol: "tag"
                        size: 14
                        color: Theme.textTertiary
                        anchors.verticalCenter: parent.verticalCenter
                    }
                    Text {
                        text: suggestion.name
                        color: suggestion.ListView.isCurrentItem ? Theme.accentSoftText : Theme.text
                        font.pixelSize: Theme.fontBody - 1
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
                HoverHandler {
                    id: hover
                }
                TapHandler {
                    onTapped: {
                        root.commit(suggestion.name)
                        popup.close()
                        input.forceActiveFocus()
                    }
                }
            }
        }
    }
}
