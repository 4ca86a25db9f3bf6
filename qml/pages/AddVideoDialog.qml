import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// "Save a video": the link (checked as you type, with the thumbnail as a
// preview), an optional title, tags with completion and notes. Errors show
// at their field and nothing typed is lost: the draft stays until it is saved.
AppDialog {
    id: dialog

    property QtObject library
    /// Waiting for the controller's answer to addVideo().
    property bool saving: false
    /// Messages from the server (or the controller), per field.
    property string urlError
    property string titleError
    property string tagsError
    property string notesError
    property string generalError
    /// The video this link already is (0 = none).
    property var existingId: 0

    readonly property string link: urlField.text.trim()
    readonly property var check: library && link.length > 0 ? library.checkUrl(link) : ({ "valid": false, "message": "" })
    readonly property bool linkValid: check.valid === true
    readonly property var duplicateId: existingId ? existingId : (check.existingId ? check.existingId : 0)
    readonly property bool canSave: linkValid && !saving && !duplicateId
    readonly property string existingTitle: {
        if (!duplicateId || !library)
            return ""
        const v = library.video(duplicateId)
        return v && v.displayTitle ? v.displayTitle : ""
    }

    /// The video was saved (id > 0) or queued offline (id < 0).
    signal saved(var id)
    /// "Show it" on a duplicate.
    signal showExisting(var id)

    /// Opens the dialog; \a text (if any) replaces the link, keeping the rest of the draft.
    function openWith(text) {
        if (text && text.length > 0) {
            urlField.text = text
            urlError = ""
            existingId = 0
        }
        open()
    }

    function clearDraft() {
        urlField.text = ""
        titleField.text = ""
        tagInput.tags = []
        notesArea.text = ""
        clearErrors()
    }

    function clearErrors() {
        urlError = ""
        titleError = ""
        tagsError = ""
        notesError = ""
        generalError = ""
        existingId = 0
    }

    function save() {
        if (!canSave)
            return
        clearErrors()
        saving = true
        // The normalised link (shown under the field) is what is saved.
        library.addVideo(check.canonicalUrl || link, titleField.text.trim(), notesArea.text, tagInput.allTags())
    }

    // A link already saved: the list behind the dialog shows that video.
    onDuplicateIdChanged: if (duplicateId) showExisting(duplicateId)

    title: qsTr("Save a video")
    description: qsTr("Paste a YouTube link. A title, tags and notes are optional.")
    preferredWidth: 560
    onOpened: {
        urlField.forceActiveFocus()
        urlField.selectAll()
    }

    Connections {
        target: dialog.library
        enabled: dialog.saving
        ignoreUnknownSignals: true
        function onVideoAdded(id) {
            dialog.saving = false
            dialog.clearDraft()
            dialog.close()
            dialog.saved(id)
        }
        function onDuplicateVideo(existingId, message) {
            dialog.saving = false
            dialog.existingId = existingId
            dialog.urlError = message // (and duplicateId changes: the list shows it)
        }
        function onAddFailed(field, message) {
            dialog.saving = false
            switch (field) {
            case "url": dialog.urlError = message; break
            case "title": dialog.titleError = message; break
            case "tags": dialog.tagsError = message; break
            case "notes": dialog.notesError = message; break
            default: dialog.generalError = message
            }
        }
    }

    FormField {
        objectName: "addUrlFieldRow"
        Layout.fillWidth: true
        label: qsTr("YouTube link")
        // Share-button extras (?si=, &t=, #t=) are dropped: say what will be saved.
        hint: dialog.linkValid && !dialog.duplicateId ? qsTr("Will be saved as %1").arg(dialog.check.canonicalUrl) : ""
        error: dialog.urlError.length > 0 ? dialog.urlError
                                          : dialog.link.length > 0 && !dialog.linkValid ? (dialog.check.message || qsTr("This is not a YouTube video link."))
                                                                                        : dialog.duplicateId ? (dialog.check.message || qsTr("Already in your library")) : ""

        AppTextField {
            id: urlField
            objectName: "addUrlField"
            Layout.fillWidth: true
            placeholderText: "https://www.youtube.com/watch?v=…"
            invalid: dialog.urlError.length > 0 || (dialog.link.length > 0 && !dialog.linkValid) || dialog.duplicateId
            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("YouTube link")
            onTextEdited: {
                dialog.urlError = ""
                dialog.existingId = 0
            }
            Keys.onReturnPressed: dialog.save()
            Keys.onEnterPressed: dialog.save()
        }
    }

    // The video behind the link, before saving.
    Rectangle {
        objectName: "addPreview"
        Layout.fillWidth: true
        Layout.preferredHeight: visible ? 96 : 0
        visible: dialog.linkValid
        radius: Theme.radiusL
        color: Theme.surfaceMuted

        Thumbnail {
            id: previewThumb
            objectName: "addPreviewThumbnail"
            x: 12
            y: 12
            width: 128
            height: 72
            youtubeId: dialog.linkValid ? dialog.check.youtubeId : ""
            backgroundColor: parent.color
        }

        ColumnLayout {
            anchors.left: previewThumb.right
            anchors.leftMargin: Theme.spacingL
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacingL
            anchors.verticalCenter: parent.verticalCenter
            spacing: 2

            Text {
                objectName: "addPreviewTitle"
                // What is typed, else the saved video's title (a duplicate), else a generic name.
                text: titleField.text.trim().length > 0 ? titleField.text.trim()
                                                        : dialog.existingTitle.length > 0 ? dialog.existingTitle
                                                                                          : qsTr("YouTube video")
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
            Text {
                objectName: "addPreviewUrl"
                text: dialog.linkValid ? dialog.check.canonicalUrl : ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            AppButton {
                objectName: "showExistingButton"
                visible: dialog.duplicateId ? true : false
                kind: "secondary"
                compact: true
                text: qsTr("Show it in the library")
                Layout.topMargin: Theme.spacingXs
                onClicked: {
                    const id = dialog.duplicateId
                    dialog.close()
                    dialog.showExisting(id)
                }
            }
        }
    }

    FormField {
        objectName: "addTitleFieldRow"
        Layout.fillWidth: true
        label: qsTr("Title")
        labelNote: qsTr("Optional")
        error: dialog.titleError

        AppTextField {
            id: titleField
            objectName: "addTitleField"
            Layout.fillWidth: true
            placeholderText: qsTr("Without one, the link is shown")
            maximumLength: 300
            invalid: dialog.titleError.length > 0
            Accessible.name: qsTr("Title")
            onTextEdited: dialog.titleError = ""
            Keys.onReturnPressed: dialog.save()
            Keys.onEnterPressed: dialog.save()
        }
    }

    FormField {
        objectName: "addTagsFieldRow"
        Layout.fillWidth: true
        label: qsTr("Tags")
        labelNote: qsTr("Optional")
        hint: qsTr("Enter or comma after each tag.")
        error: dialog.tagsError

        TagInput {
            id: tagInput
            objectName: "addTagInput"
            Layout.fillWidth: true
            invalid: dialog.tagsError.length > 0
            completer: dialog.library ? (prefix => dialog.library.tagCompletions(prefix)) : null
            onEdited: dialog.tagsError = ""
        }
    }

    FormField {
        objectName: "addNotesFieldRow"
        Layout.fillWidth: true
        label: qsTr("Notes")
        labelNote: qsTr("Optional")
        error: dialog.notesError

        AppTextArea {
            id: notesArea
            objectName: "addNotes"
            Layout.fillWidth: true
            minimumHeight: 72
            maximumHeight: 140
            invalid: dialog.notesError.length > 0
            placeholderText: qsTr("Why this one? What to remember?")
            Accessible.name: qsTr("Notes")
            onTextChanged: dialog.notesError = ""
            onSubmitted: dialog.save()
        }
    }

    Banner {
        objectName: "addErrorBanner"
        Layout.fillWidth: true
        kind: "error"
        text: dialog.generalError
    }

    buttons: [
        AppButton {
            objectName: "addCancelButton"
            text: qsTr("Cancel")
            onClicked: dialog.close()
        },
        AppButton {
            objectName: "addSaveButton"
            kind: "primary"
            text: dialog.saving ? qsTr("Saving…") : qsTr("Save video")
            enabled: dialog.canSave
            onClicked: dialog.save()
        }
    ]
}
