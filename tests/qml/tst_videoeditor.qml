import QtQuick
import QtTest
import Clipshelf

// The edit sheet on the library page.
TestCase {
    id: testCase
    name: "VideoEditor"
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
    property var editor

    function init() {
        library = createTemporaryObject(libraryComponent, testCase)
        library.addRow({ "videoId": 9, "title": "Bach", "notes": "Cello", "tags": ["music"],
                         "youtubeId": "M7lc1UVf-VE" })
        page = createTemporaryObject(pageComponent, testCase, { "library": library })
        page.openEditor(9)
        editor = findChild(page, "videoEditor")
        tryCompare(editor, "opened", true)
    }

    function child(objectName) {
        const item = findChild(page, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function test_showsTheVideo() {
        compare(child("editorTitleField").text, "Bach")
        compare(child("editorNotesInput").text, "Cello")
        compare(child("editorTagInput").tags, ["music"])
        compare(child("editorUrl").text, "https://www.youtube.com/watch?v=M7lc1UVf-VE")
        compare(child("editorThumbnail").youtubeId, "M7lc1UVf-VE")
        verify(!child("editorSaveButton").enabled, "nothing changed yet")
    }

    function test_saves() {
        const title = child("editorTitleField")
        title.forceActiveFocus()
        title.selectAll()
        keyClick("B")
        keyClick("W")
        keyClick("V")
        verify(child("editorSaveButton").enabled)
        mouseClick(child("editorSaveButton"))
        compare(library.last("updateVideo"), [9, "BWV", "Cello", ["music"]])
        library.videoUpdated(9)
        tryCompare(editor, "opened", false)
        tryCompare(child("libraryToastText"), "text", "Changes saved")
    }

    function test_errorsStayAtTheField() {
        const title = child("editorTitleField")
        title.forceActiveFocus()
        keyClick("!")
        mouseClick(child("editorSaveButton"))
        library.updateFailed(9, "title", "The title can have at most 300 characters.")
        verify(editor.opened)
        compare(child("editorTitleRowMessage").text, "The title can have at most 300 characters.")
        compare(title.text, "!Bach") // the cursor starts at the beginning
        library.updateFailed(9, "", "Offline and the outbox is full.")
        // Not ours: no longer saving, so ignored.
        compare(child("editorErrorBanner").text, "")
    }

    function test_otherVideosAnswersAreIgnored() {
        child("editorTitleField").forceActiveFocus()
        keyClick("x")
        mouseClick(child("editorSaveButton"))
        library.videoUpdated(10)
        verify(editor.opened)
        verify(editor.saving)
    }

    function test_copyAndOpen() {
        mouseClick(child("editorCopyButton"))
        compare(library.last("copyLink"), [9])
        mouseClick(child("editorOpenButton"))
        compare(library.last("openInBrowser"), [9])
    }

    function test_deleteFromTheSheet() {
        mouseClick(child("editorDeleteButton"))
        tryCompare(editor, "opened", false)
        compare(library.last("deleteVideo"), [9])
        tryCompare(child("libraryToast"), "shown", true)
        compare(child("libraryToastText").text, "Deleted “Bach”")
    }

    function test_escapeCloses() {
        keyClick(Qt.Key_Escape)
        tryCompare(editor, "opened", false)
        compare(library.count("updateVideo"), 0)
    }
}
