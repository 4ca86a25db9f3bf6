import QtQuick
import QtTest
import Clipshelf

TestCase {
    id: testCase
    name: "LibraryPage"
    width: 1000
    height: 700
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
            focus: true
        }
    }

    Component {
        id: clipboardWriter
        TextEdit {}
    }

    function createPage(videoCount, libraryProperties) {
        const library = createTemporaryObject(libraryComponent, testCase, libraryProperties || {})
        verify(library, "mock library")
        const now = Date.now()
        for (let i = 0; i < (videoCount || 0); ++i)
            library.addRow({ "videoId": 100 - i, "title": "Video " + (100 - i),
                             "tags": i % 2 === 0 ? ["music", "live"] : ["talks"],
                             "createdAt": new Date(now - i * 86400000) })
        const page = createTemporaryObject(pageComponent, testCase, { "library": library })
        verify(page, "page")
        page.forceActiveFocus()
        waitForRendering(page)
        return page
    }

    function child(parent, objectName) {
        const item = findChild(parent, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function delegateFor(page, videoId) {
        const list = child(page, "videoList")
        for (let i = 0; i < list.contentItem.children.length; ++i) {
            const d = list.contentItem.children[i]
            if (d.objectName === "video_" + videoId && d.visible)
                return d
        }
        return null
    }

    function setClipboard(text) {
        const writer = createTemporaryObject(clipboardWriter, testCase, { "text": text })
        writer.selectAll()
        writer.copy()
    }

    // --- States -------------------------------------------------------------

    function test_loading() {
        const page = createPage(0, { "loading": true })
        verify(child(page, "libraryLoading").visible)
        verify(!child(page, "videoList").visible)
        verify(!child(page, "libraryEmpty").visible)
        verify(!child(page, "libraryCount").visible)
    }

    function test_empty() {
        const page = createPage(0)
        verify(child(page, "libraryEmpty").visible)
        compare(child(page, "noVideosStateTitle").text, "No videos yet")
        verify(child(page, "noVideosStateDescription").text.indexOf("Paste a YouTube link to save your first") === 0)
        verify(!child(page, "libraryLoading").visible)
        mouseClick(child(page, "emptyAddButton"))
        tryCompare(child(page, "addVideoDialog"), "opened", true)
    }

    function test_noMatchesForTags() {
        const page = createPage(0)
        page.library.addTag("music", 3)
        page.library.addTag("talks", 1)
        page.library.toggleTag("music")
        page.library.toggleTag("talks")
        verify(child(page, "libraryNoMatches").visible)
        compare(child(page, "noMatchesStateTitle").text, "Nothing matches these tags")
        mouseClick(child(page, "clearFiltersButton"))
        compare(page.library.count("clearFilters"), 1)
        compare(page.library.selectedTags.length, 0)
    }

    function test_noMatchesForSearch() {
        const page = createPage(0)
        page.library.searchText = "sourdough"
        verify(child(page, "libraryNoMatches").visible)
        compare(child(page, "noMatchesStateTitle").text, "Nothing matches “sourdough”")
    }

    function test_listShowsVideos() {
        const page = createPage(3)
        const list = child(page, "videoList")
        verify(list.visible)
        compare(list.count, 3)
        compare(child(page, "libraryCount").text, "3 videos")
        const row = delegateFor(page, 100)
        verify(row)
        compare(child(row, "videoTitle").text, "Video 100")
        compare(child(row, "videoDate").text, "Today")
        verify(!child(row, "pendingMarker").visible)
        const tags = child(row, "videoTags")
        verify(tags.visible)
        // Two tag pills (Rectangles) for ["music", "live"].
        compare(Array.from(tags.children).filter(c => c.modelData !== undefined).length, 2)
        compare(child(delegateFor(page, 99), "videoDate").text, "Yesterday")
    }

    function test_untitledShowsUrl() {
        const page = createPage(0)
        page.library.addRow({ "videoId": 7, "title": "", "youtubeId": "abcdefghijk" })
        waitForRendering(page)
        compare(child(delegateFor(page, 7), "videoTitle").text, "https://www.youtube.com/watch?v=abcdefghijk")
    }

    function test_pendingItemsAndSyncStatus() {
        const page = createPage(0, { "pendingChanges": 2 })
        page.library.addRow({ "videoId": 1, "title": "Queued", "pending": true })
        page.library.addRow({ "videoId": 2, "title": "Synced" })
        waitForRendering(page)
        verify(child(delegateFor(page, 1), "pendingMarker").visible)
        verify(!child(delegateFor(page, 2), "pendingMarker").visible)
        compare(child(page, "syncStatusText").text, "2 changes waiting to sync")
        page.library.pendingChanges = 1
        compare(child(page, "syncStatusText").text, "1 change waiting to sync")
        page.library.offline = true
        compare(child(page, "syncStatusText").text, "Offline · 1 change waiting to sync")
        page.library.pendingChanges = 0
        page.library.offline = false
        compare(child(page, "syncStatusText").text, "All changes synced")
    }

    function test_errorBannerRetries() {
        const page = createPage(2)
        const banner = child(page, "libraryErrorBanner")
        verify(!banner.visible)
        page.library.errorMessage = "The server is not answering."
        verify(banner.visible)
        mouseClick(child(page, "libraryErrorBannerAction"))
        compare(page.library.count("refresh"), 1)
    }

    // --- Finding --------------------------------------------------------------

    function test_tagBar() {
        const page = createPage(2)
        page.library.addTag("music", 12)
        page.library.addTag("talks", 3)
        waitForRendering(page)
        const chip = child(page, "tagChip_music")
        compare(chip.count, 12)
        verify(!chip.selected)
        verify(!child(page, "clearTagsButton").visible)
        mouseClick(chip)
        compare(page.library.last("toggleTag"), ["music"])
        verify(chip.selected)
        mouseClick(child(page, "tagChip_talks"))
        compare(page.library.selectedTags, ["music", "talks"])
        compare(child(page, "libraryCount").text, "2 videos match")
        verify(child(page, "clearTagsButton").visible)
        mouseClick(child(page, "clearTagsButton"))
        compare(page.library.count("clearFilters"), 1)
        verify(!chip.selected)
    }

    function test_searchField() {
        const page = createPage(2)
        const field = child(page, "searchField")
        field.forceActiveFocus()
        keyClick("q")
        keyClick("t")
        compare(page.library.searchText, "qt")
        mouseClick(child(page, "searchFieldClear"))
        compare(page.library.searchText, "")
        compare(field.text, "")
        // The controller clearing the filters empties the field too.
        page.library.searchText = "abc"
        compare(field.text, "abc")
        page.library.clearFilters()
        compare(field.text, "")
    }

    function test_ctrlFFocusesSearch() {
        const page = createPage(2)
        const field = child(page, "searchField")
        verify(!field.activeFocus)
        keySequence("Ctrl+F")
        verify(field.activeFocus)
        keyClick(Qt.Key_Down)
        verify(child(page, "videoList").activeFocus)
    }

    // --- Keyboard, open, copy, delete with undo -----------------------------------

    function test_keyboardNavigation() {
        const page = createPage(3)
        const list = child(page, "videoList")
        list.forceActiveFocus()
        compare(list.currentIndex, 0)
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 1)
        keyClick(Qt.Key_Return)
        compare(page.library.last("openInBrowser"), [99])
        keyClick(Qt.Key_Up)
        compare(list.currentIndex, 0)
        keyClick(Qt.Key_C, Qt.ControlModifier)
        compare(page.library.last("copyLink"), [100])
        const toast = child(page, "libraryToast")
        tryCompare(toast, "shown", true)
        compare(child(page, "libraryToastText").text, "Link copied")
    }

    function test_deleteWithUndo() {
        const page = createPage(3)
        const list = child(page, "videoList")
        list.forceActiveFocus()
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Delete)
        compare(page.library.last("deleteVideo"), [99])
        const toast = child(page, "libraryToast")
        tryCompare(toast, "shown", true)
        compare(child(page, "libraryToastText").text, "Deleted “Video 99”")
        compare(toast.duration, 5000)
        const undo = child(page, "libraryToastAction")
        tryVerify(() => undo.visible && toast.opacity === 1)
        compare(undo.text, "Undo")
        mouseClick(undo)
        compare(page.library.last("undoDelete"), [99])
        verify(!toast.shown)
    }

    function test_undoToastExpires() {
        const page = createPage(1)
        page.undoDuration = 200
        page.deleteVideo(100)
        const toast = child(page, "libraryToast")
        tryCompare(toast, "shown", true)
        tryCompare(toast, "shown", false, 3000)
        compare(page.library.count("undoDelete"), 0)
    }

    function test_rowActions() {
        const page = createPage(2)
        const row = delegateFor(page, 100)
        mouseClick(row, 300, 40)
        compare(child(page, "videoList").currentIndex, 0)
        // The row's action buttons exist while it is selected.
        mouseClick(child(row, "openButton"))
        compare(page.library.last("openInBrowser"), [100])
        mouseClick(child(row, "copyLinkButton"))
        compare(page.library.last("copyLink"), [100])
        mouseClick(child(row, "deleteButton"))
        compare(page.library.last("deleteVideo"), [100])
        mouseClick(child(row, "editButton"))
        const editor = child(page, "videoEditor")
        tryCompare(editor, "opened", true)
        compare(child(page, "editorTitleField").text, "Video 100")
    }

    // Built with the page they delayed every start; they come when first needed, once.
    function test_popupsAreCreatedOnFirstUse() {
        const page = createPage(2)
        verify(!findChild(page, "addVideoDialog"))
        verify(!findChild(page, "videoEditor"))
        verify(!findChild(page, "videoContextMenu"))
        verify(!page.dialogOpen)
        page.openAdd("")
        const dialog = child(page, "addVideoDialog")
        tryCompare(dialog, "opened", true)
        verify(page.dialogOpen)
        keyClick(Qt.Key_Escape)
        tryCompare(page, "dialogOpen", false)
        page.openAdd("")
        tryCompare(dialog, "opened", true)
        compare(page.addDialog, dialog, "the same dialog again, not a second one")
        keyClick(Qt.Key_Escape)
        tryCompare(page, "dialogOpen", false)
        verify(!findChild(page, "videoEditor"), "opening one creates only that one")
    }

    function test_contextMenu() {
        const page = createPage(2)
        mouseClick(delegateFor(page, 99), 300, 40, Qt.RightButton)
        const menu = findChild(page, "videoContextMenu")
        tryCompare(menu, "opened", true)
        compare(menu.videoId, 99)
        compare(child(page, "videoList").currentIndex, 1)
        mouseClick(child(page, "menuCopyLink"))
        compare(page.library.last("copyLink"), [99])
        tryCompare(menu, "visible", false)
        mouseClick(delegateFor(page, 100), 300, 40, Qt.RightButton)
        tryCompare(menu, "opened", true)
        mouseClick(child(page, "menuDelete"))
        compare(page.library.last("deleteVideo"), [100])
    }

    function test_doubleClickOpens() {
        const page = createPage(2)
        mouseDoubleClickSequence(delegateFor(page, 99), 300, 40)
        compare(page.library.last("openInBrowser"), [99])
    }

    function test_conflictIsShown() {
        const page = createPage(1)
        page.library.conflict("“Cooking” was deleted on another computer, so your edit could not be saved.")
        tryCompare(child(page, "libraryToast"), "shown", true)
        compare(child(page, "libraryToastText").text, "“Cooking” was deleted on another computer, so your edit could not be saved.")
    }

    function test_recoveredChangesAreMentionedOnce() {
        // Changes an earlier run left in the outbox (quit offline, SIGTERM, a crash): said once.
        const message = "Changes you made before Clipshelf last closed were kept, and are sent when you are online."
        const page = createPage(1, { "recoveredMessage": message })
        tryCompare(child(page, "libraryToast"), "shown", true)
        compare(child(page, "libraryToastText").text, message)
        compare(page.library.count("dismissRecoveredMessage"), 1)
        compare(page.library.recoveredMessage, "")
    }

    // --- Adding ------------------------------------------------------------------

    function test_ctrlNOpensAdd() {
        const page = createPage(1)
        keySequence("Ctrl+N")
        const dialog = child(page, "addVideoDialog")
        tryCompare(dialog, "opened", true)
        verify(child(page, "addUrlField").activeFocus)
        keyClick(Qt.Key_Escape)
        tryCompare(dialog, "opened", false)
    }

    function test_ctrlVPastesLinkIntoAdd() {
        const page = createPage(1)
        setClipboard("https://youtu.be/dQw4w9WgXcQ")
        child(page, "videoList").forceActiveFocus()
        keySequence("Ctrl+V")
        const dialog = child(page, "addVideoDialog")
        tryCompare(dialog, "opened", true)
        compare(child(page, "addUrlField").text, "https://youtu.be/dQw4w9WgXcQ")
        verify(child(page, "addPreview").visible)
    }

    function test_ctrlVInSearchPastesThere() {
        const page = createPage(1)
        setClipboard("cooking")
        const field = child(page, "searchField")
        field.forceActiveFocus()
        keySequence("Ctrl+V")
        compare(field.text, "cooking")
        const dialog = findChild(page, "addVideoDialog")
        verify(!dialog || !dialog.opened, "Ctrl+V in a text field pastes; it opens no dialog")
    }

    function test_droppedLinkGoesIntoTheField_data() {
        return [
            { tag: "url", urls: ["https://youtu.be/dQw4w9WgXcQ"], text: "", link: "https://youtu.be/dQw4w9WgXcQ" },
            { tag: "url before text", urls: ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"], text: "Rick",
              link: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
            { tag: "text", urls: [], text: "  https://youtu.be/M7lc1UVf-VE  \n", link: "https://youtu.be/M7lc1UVf-VE" },
        ]
    }

    function test_droppedLinkGoesIntoTheField(data) {
        const page = createPage(1)
        page.openDropped(data.urls, data.text)
        tryCompare(findChild(page, "addVideoDialog"), "opened", true)
        compare(findChild(page, "addUrlField").text, data.link)
    }

    function test_savedVideoIsRevealed() {
        const page = createPage(30)
        page.openAdd("https://youtu.be/dQw4w9WgXcQ")
        const dialog = child(page, "addVideoDialog")
        tryCompare(dialog, "opened", true)
        mouseClick(child(page, "addSaveButton"))
        compare(page.library.count("addVideo"), 1)
        page.library.videos.insert(0, page.library.videos.get(0)) // stands for the new row…
        page.library.videos.set(0, { "videoId": 500, "title": "New one" })
        page.library.videoAdded(500)
        tryCompare(dialog, "opened", false)
        tryCompare(child(page, "libraryToastText"), "text", "Saved to your library")
        tryCompare(page, "highlightId", 500)
        compare(child(page, "videoList").currentIndex, 0)
    }

    function test_duplicateRevealsExisting() {
        const page = createPage(40)
        const list = child(page, "videoList")
        page.openAdd("https://www.youtube.com/watch?v=M7lc1UVf-VE")
        mouseClick(child(page, "addSaveButton"))
        page.library.duplicateVideo(70, "Already in your library")
        // The list behind the dialog scrolls to the video and selects it.
        compare(list.currentIndex, 30)
        compare(page.highlightId, 70)
        tryVerify(() => delegateFor(page, 70) !== null)
        const row = delegateFor(page, 70)
        verify(row.highlighted)
        const rowTop = row.mapToItem(list, 0, 0).y
        verify(rowTop >= 0 && rowTop + row.height <= list.height + 1, "the duplicate is scrolled into view")
        compare(child(page, "addUrlFieldRowMessage").text, "Already in your library")
        mouseClick(child(page, "showExistingButton"))
        tryCompare(child(page, "addVideoDialog"), "opened", false)
    }

    // --- Paging and size ----------------------------------------------------------

    function test_scrollingToTheEndFetchesMore() {
        const page = createPage(40)
        const videos = page.library.videos
        videos.hasMore = true
        const list = child(page, "videoList")
        list.positionViewAtEnd()
        tryVerify(() => videos.fetchMoreCalls > 0, 3000, "fetchMore was not called at the end")
    }

    function test_largeLibraryRecyclesDelegates() {
        const page = createPage(0)
        page.library.videos.fillVideos(100000)
        const list = child(page, "videoList")
        compare(list.count, 100000)
        waitForRendering(list)
        const created = list.contentItem.children.length
        verify(created < 40, "only the visible rows have delegates (" + created + ")")
        list.positionViewAtIndex(50000, ListView.Beginning)
        waitForRendering(list)
        list.positionViewAtEnd()
        waitForRendering(list)
        verify(list.contentItem.children.length < 60,
               "scrolling keeps recycling (" + list.contentItem.children.length + " delegates)")
        const last = delegateFor(page, 1)
        verify(last, "the last video is shown at the end")
        compare(child(last, "videoTitle").text, "Video number 1")
    }
}
