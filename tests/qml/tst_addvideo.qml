import QtQuick
import QtTest
import Clipshelf

// The add dialog on the library page, against a mock library.
TestCase {
    id: testCase
    name: "AddVideo"
    width: 1000
    height: 760
    visible: true
    when: windowShown

    Component {
        id: libraryComponent
        MockLibrary {}
    }

    Component {
        id: pageComponent
        LibraryPage {
            width: testCase.width
            height: testCase.height
        }
    }

    property var page
    property var library
    property var dialog

    function init() {
        library = createTemporaryObject(libraryComponent, testCase)
        library.addRow({ "videoId": 7, "title": "Existing", "youtubeId": "M7lc1UVf-VE" })
        library.addTag("music", 4)
        library.addTag("mountains", 2)
        library.addTag("talks", 1)
        page = createTemporaryObject(pageComponent, testCase, { "library": library })
        page.openAdd("")
        dialog = child("addVideoDialog")
        tryCompare(dialog, "opened", true)
    }

    function child(objectName) {
        const item = findChild(page, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function type(objectName, text) {
        const field = child(objectName)
        field.forceActiveFocus()
        for (const ch of text)
            keyClick(ch)
        return field
    }

    function test_startsEmptyAndDisabled() {
        verify(child("addUrlField").activeFocus)
        verify(!child("addSaveButton").enabled)
        verify(!child("addPreview").visible)
        compare(child("addUrlFieldRowMessage").text, "")
        compare(child("addVideoDialogTitle").text, "Save a video")
    }

    function test_invalidUrlShowsMessageLive() {
        type("addUrlField", "https://vimeo.com/1")
        compare(child("addUrlFieldRowMessage").text, "This link is not a YouTube video.")
        verify(child("addUrlFieldRowMessage").visible)
        verify(child("addUrlField").invalid)
        verify(!child("addPreview").visible)
        verify(!child("addSaveButton").enabled)
        keyClick(Qt.Key_Return) // nothing is sent
        compare(library.count("addVideo"), 0)
    }

    function test_validUrlShowsPreview() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        verify(child("addPreview").visible)
        compare(child("addPreviewUrl").text, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        compare(child("addPreviewThumbnail").youtubeId, "dQw4w9WgXcQ")
        compare(child("addUrlFieldRowMessage").text, "Will be saved as https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        verify(child("addSaveButton").enabled)
    }

    function test_shareButtonLinkShowsTheNormalisedLinkAndSavesIt() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ?si=B_RZg_I-lLaa7UU-&t=42")
        const line = child("addUrlFieldRowMessage")
        verify(line.visible)
        compare(line.text, "Will be saved as https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        verify(!child("addUrlField").invalid)
        mouseClick(child("addSaveButton"))
        compare(library.last("addVideo")[0], "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        // Typing on clears the line until the link is valid again.
        child("addUrlField").forceActiveFocus()
        child("addUrlField").selectAll()
        keyClick(Qt.Key_Delete)
        compare(child("addUrlFieldRowMessage").text, "")
    }

    function test_serverRefusalKeepsTheDraft() {
        type("addUrlField", "https://www.youtube.com/live/jfKfPfyJRdk?si=x")
        type("addTitleField", "Lofi")
        mouseClick(child("addSaveButton"))
        library.addFailed("url", "This link is not a YouTube video: it is a channel page, not one video.")
        compare(child("addUrlFieldRowMessage").text, "This link is not a YouTube video: it is a channel page, not one video.")
        compare(child("addUrlField").text, "https://www.youtube.com/live/jfKfPfyJRdk?si=x")
        compare(child("addTitleField").text, "Lofi")
        // Saving again: an answer without a field shows in the banner.
        mouseClick(child("addSaveButton"))
        compare(child("addUrlFieldRowMessage").text, "Will be saved as https://www.youtube.com/watch?v=jfKfPfyJRdk")
        library.addFailed("", "That is too large for the Clipshelf service.")
        compare(child("addErrorBanner").text, "That is too large for the Clipshelf service.")
        verify(dialog.opened)
    }

    function test_savesEverything() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        type("addTitleField", "Never gonna")
        type("addTagInputField", "Music")
        keyClick(Qt.Key_Return)
        type("addTagInputField", "80s,")
        child("addNotesInput").forceActiveFocus()
        keyClick("h")
        keyClick("i")
        mouseClick(child("addSaveButton"))
        compare(library.last("addVideo"), ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Never gonna", "hi", ["music", "80s"]])
        verify(dialog.saving)
        compare(child("addSaveButton").text, "Saving…")
        library.videoAdded(42)
        tryCompare(dialog, "opened", false)
        // The draft is cleared once saved.
        page.openAdd("")
        tryCompare(dialog, "opened", true)
        compare(child("addUrlField").text, "")
        compare(child("addTitleField").text, "")
        compare(child("addTagInput").tags.length, 0)
    }

    function test_enterSaves() {
        type("addUrlField", "https://www.youtube.com/shorts/dQw4w9WgXcQ")
        keyClick(Qt.Key_Return)
        compare(library.count("addVideo"), 1)
    }

    function test_typedTagIsKeptOnSave() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        type("addTagInputField", "later")
        mouseClick(child("addSaveButton"))
        compare(library.last("addVideo")[3], ["later"])
    }

    function test_tagCompletion() {
        type("addTagInputField", "m")
        const input = child("addTagInput")
        tryCompare(input, "suggesting", true)
        compare(input.suggestions.count, 2)
        compare(input.suggestions.get(0).name, "music")
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Return)
        compare(input.tags, ["mountains"])
        // Backspace in the empty input removes the last tag.
        keyClick(Qt.Key_Backspace)
        compare(input.tags, [])
    }

    function test_knownLinkIsADuplicateBeforeSaving() {
        type("addUrlField", "https://www.youtube.com/watch?v=M7lc1UVf-VE")
        compare(child("addUrlFieldRowMessage").text, "Already in your library")
        verify(!child("addSaveButton").enabled)
        verify(child("showExistingButton").visible)
        mouseClick(child("showExistingButton"))
        tryCompare(dialog, "opened", false)
        compare(page.highlightId, 7)
        compare(child("videoList").currentIndex, 0)
    }

    function test_duplicateFromServer() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        type("addTitleField", "Mine")
        mouseClick(child("addSaveButton"))
        library.duplicateVideo(7, "Already in your library")
        verify(!dialog.saving)
        verify(dialog.opened)
        compare(child("addUrlFieldRowMessage").text, "Already in your library")
        compare(page.highlightId, 7)
        // Nothing typed is lost.
        compare(child("addTitleField").text, "Mine")
        compare(child("addUrlField").text, "https://youtu.be/dQw4w9WgXcQ")
    }

    function test_fieldErrorFromServer_data() {
        return [
            { tag: "url", field: "url", row: "addUrlFieldRow" },
            { tag: "title", field: "title", row: "addTitleFieldRow" },
            { tag: "tags", field: "tags", row: "addTagsFieldRow" },
            { tag: "notes", field: "notes", row: "addNotesFieldRow" },
        ]
    }

    function test_fieldErrorFromServer(data) {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        type("addTitleField", "Kept")
        mouseClick(child("addSaveButton"))
        library.addFailed(data.field, "The server says no.")
        verify(dialog.opened)
        verify(!dialog.saving)
        compare(child(data.row + "Message").text, "The server says no.")
        compare(child("addTitleField").text, "Kept")
        verify(child("addSaveButton").enabled, "can try again")
    }

    function test_generalErrorInBanner() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        mouseClick(child("addSaveButton"))
        library.addFailed("", "The service is not answering. Try again in a moment.")
        const banner = child("addErrorBanner")
        verify(banner.visible)
        compare(banner.text, "The service is not answering. Try again in a moment.")
        compare(child("addUrlField").text, "https://youtu.be/dQw4w9WgXcQ")
    }

    function test_queuedOfflineSaysSo() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        mouseClick(child("addSaveButton"))
        library.videoAdded(-1)
        tryCompare(dialog, "opened", false)
        tryCompare(child("libraryToastText"), "text", "Saved — it will sync when you’re back online")
    }

    function test_cancelKeepsTheDraft() {
        type("addUrlField", "https://youtu.be/dQw4w9WgXcQ")
        type("addTitleField", "Half typed")
        mouseClick(child("addCancelButton"))
        tryCompare(dialog, "opened", false)
        page.openAdd("")
        tryCompare(dialog, "opened", true)
        compare(child("addTitleField").text, "Half typed")
        compare(library.count("addVideo"), 0)
    }
}
