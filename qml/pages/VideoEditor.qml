import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// A side sheet to edit one video's title, tags and notes, with its link
// (open, copy) and Delete. Opened with openFor(library.video(id)). Errors show
// at their field; what was typed stays until it is saved or the sheet closes.
Drawer {
    id: sheet

    property QtObject library
    /// The video as library.video(id) returns it.
    property var video: ({})
    property bool saving: false
    property string titleError
    property string tagsError
    property string notesError
    property string generalError

    readonly property var videoId: video && video.videoId !== undefined ? video.videoId : null
    readonly property bool changed: video && (titleField.text !== (video.title || "")
                                              || notesArea.text !== (video.notes || "")
                                              || JSON.stringify(tagInput.allTags()) !== JSON.stringify(video.tags || []))

    signal saved(var id)
    signal deleteRequested(var id)

    function openFor(v) {
        video = v
        titleField.text = v.title || ""
        notesArea.text = v.notes || ""
        tagInput.tags = v.tags ? Array.from(v.tags) : []
        titleError = ""
        tagsError = ""
        notesError = ""
        generalError = ""
        saving = false
        open()
    }

    function save() {
        if (saving || videoId === null)
            return
        titleError = ""
        tagsError = ""
        notesError = ""
        generalError = ""
        saving = true
        library.updateVideo(videoId, titleField.text.trim(), notesArea.text, tagInput.allTags())
    }

    edge: Qt.RightEdge
    width: Math.min(460, parent ? parent.width * 0.9 : 460)
    height: parent ? parent.height : 600
    modal: true
    interactive: opened
    dragMargin: 0
    padding: 0
    focus: true

    Overlay.modal: Rectangle {
        color: Theme.dark ? "#8C000000" : "#401A1D29"
    }

    onOpened: {
        titleField.forceActiveFocus()
        titleField.cursorPosition = 0 // a long title shows its beginning
    }

    Connections {
        target: sheet.library
        enabled: sheet.saving
        ignoreUnknownSignals: true
        function onVideoUpdated(id) {
            if (id !== sheet.videoId)
                return
            sheet.saving = false
            sheet.close()
            sheet.saved(id)
        }
        function onUpdateFailed(id, field, message) {
            if (id !== sheet.videoId)
                return
            sheet.saving = false
            switch (field) {
            case "title": sheet.titleError = message; break
            case "tags": sheet.tagsError = message; break
            case "notes": sheet.notesError = message; break
            default: sheet.generalError = message
            }
        }
    }

    background: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors.left: parent.left
            width: 1
            height: parent.height
            color: Theme.border
        }
    }

    contentItem: ColumnLayout {
        spacing: 0

        // Header.
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingXl
            Layout.rightMargin: Theme.spacingL
            spacing: Theme.spacingS

            Text {
                objectName: "editorTitle"
                text: qsTr("Edit video")
                color: Theme.text
                font.pixelSize: Theme.fontTitle - 2
                font.weight: Font.DemiBold
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
            }
            IconButton {
                objectName: "editorCloseButton"
                iconName: "close"
                text: qsTr("Close")
                onClicked: sheet.close()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.border
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: form.implicitHeight + 2 * Theme.spacingXl
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: form
                x: Theme.spacingXl
                y: Theme.spacingXl
                width: flick.width - 2 * Theme.spacingXl
                spacing: Theme.spacingL

                Thumbnail {
                    objectName: "editorThumbnail"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.round(width * 9 / 16)
                    radius: Theme.radiusL
                    youtubeId: sheet.video && sheet.video.youtubeId ? sheet.video.youtubeId : ""
                }

                // The link, with Open and Copy.
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs

                    Icon {
                        symbol: "link"
                        size: 14
                        color: Theme.textTertiary
                    }
                    Text {
                        objectName: "editorUrl"
                        text: sheet.video && sheet.video.url ? sheet.video.url : ""
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption + 1
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                        Layout.leftMargin: 2
                    }
                    IconButton {
                        objectName: "editorCopyButton"
                        iconName: "copy"
                        text: qsTr("Copy link")
                        onClicked: sheet.library.copyLink(sheet.videoId)
                    }
                    IconButton {
                        objectName: "editorOpenButton"
                        iconName: "external-link"
                        text: qsTr("Open in browser")
                        onClicked: sheet.library.openInBrowser(sheet.videoId)
                    }
                }

                FormField {
                    objectName: "editorTitleRow"
                    Layout.fillWidth: true
                    label: qsTr("Title")
                    error: sheet.titleError

                    AppTextField {
                        id: titleField
                        objectName: "editorTitleField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Without one, the link is shown")
                        maximumLength: 300
                        invalid: sheet.titleError.length > 0
                        Accessible.name: qsTr("Title")
                        onTextEdited: sheet.titleError = ""
                        Keys.onReturnPressed: sheet.save()
                        Keys.onEnterPressed: sheet.save()
                    }
                }

                FormField {
                    objectName: "editorTagsRow"
                    Layout.fillWidth: true
                    label: qsTr("Tags")
                    error: sheet.tagsError

                    TagInput {
                        id: tagInput
                        objectName: "editorTagInput"
                        Layout.fillWidth: true
                        invalid: sheet.tagsError.length > 0
                        completer: sheet.library ? (prefix => sheet.library.tagCompletions(prefix)) : null
                        onEdited: sheet.tagsError = ""
                    }
                }

                FormField {
                    objectName: "editorNotesRow"
                    Layout.fillWidth: true
                    label: qsTr("Notes")
                    error: sheet.notesError

                    AppTextArea {
                        id: notesArea
                        objectName: "editorNotes"
                        Layout.fillWidth: true
                        minimumHeight: 120
                        maximumHeight: 260
                        invalid: sheet.notesError.length > 0
                        placeholderText: qsTr("Why this one? What to remember?")
                        Accessible.name: qsTr("Notes")
                        onTextChanged: sheet.notesError = ""
                        onSubmitted: sheet.save()
                    }
                }

                Text {
                    objectName: "editorSavedAt"
                    text: sheet.video && sheet.video.createdAt ? qsTr("Saved %1").arg(Formats.dateTime(sheet.video.createdAt)) : ""
                    color: Theme.textTertiary
                    font.pixelSize: Theme.fontCaption
                    Layout.fillWidth: true
                }

                Banner {
                    objectName: "editorErrorBanner"
                    Layout.fillWidth: true
                    kind: "error"
                    text: sheet.generalError
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.border
        }

        // Footer.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            Layout.leftMargin: Theme.spacingXl - Theme.spacingS
            spacing: Theme.spacingS

            AppButton {
                objectName: "editorDeleteButton"
                kind: "subtle"
                iconName: "trash"
                text: qsTr("Delete")
                onClicked: {
                    const id = sheet.videoId
                    sheet.close()
                    sheet.deleteRequested(id)
                }
            }
            Item { Layout.fillWidth: true }
            AppButton {
                objectName: "editorCancelButton"
                text: qsTr("Cancel")
                onClicked: sheet.close()
            }
            AppButton {
                objectName: "editorSaveButton"
                kind: "primary"
                text: sheet.saving ? qsTr("Saving…") : qsTr("Save")
                enabled: !sheet.saving && sheet.changed
                onClicked: sheet.save()
            }
        }
    }
}
