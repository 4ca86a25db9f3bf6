import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// The signed-in home: the person's videos, newest first, with search, a tag
// filter, adding (Ctrl+N, Ctrl+V anywhere, or a link dropped on the window),
// editing and deleting with undo. Driven by `library` (App.library, or a mock
// in tests); every list operation is the LibraryController's.
FocusScope {
    id: page
    objectName: "libraryPage"

    /// The LibraryController (or anything with the same properties and functions).
    property QtObject library
    /// False while another page is shown: the shortcuts then sleep.
    property bool active: true
    /// The video to flash once (a duplicate, a video just saved).
    property var highlightId: null
    /// A video to show once it is in the list (after clearing filters).
    property var revealPending: null
    /// How long the undo toast stays (the controller's undo window).
    property int undoDuration: 5000

    readonly property var videos: library ? library.videos : null
    readonly property int emptyState: library ? library.emptyState : LibraryController.Loading
    readonly property bool filtered: library !== null
                                     && ((library.selectedTags && library.selectedTags.length > 0)
                                         || (library.searchText && library.searchText.length > 0))
    /// The add dialog, the editor and the context menu, created the first time
    /// they are needed (null until then) from their files, so that neither
    /// compiling nor building them delays the library's first frame.
    property QtObject addDialog: null
    property QtObject editor: null
    property QtObject contextMenu: null
    readonly property bool dialogOpen: (addDialog !== null && addDialog.opened)
                                       || (editor !== null && editor.opened)
                                       || (contextMenu !== null && contextMenu.opened)

    /// Opens the add dialog, optionally with a link already in it.
    function openAdd(text) {
        if (!addDialog) {
            addDialog = createPopup("AddVideoDialog.qml", "addVideoDialog", true)
            addDialog.saved.connect(id => {
                toast.show(id < 0 ? qsTr("Saved — it will sync when you’re back online")
                                  : qsTr("Saved to your library"))
                Qt.callLater(page.reveal, id)
            })
            addDialog.showExisting.connect(id => page.reveal(id, addDialog.opened))
        }
        addDialog.openWith(text || "")
    }

    /// Opens the context menu of the video \a id at (\a x, \a y) in \a item.
    function openContextMenu(id, item, x, y) {
        if (!contextMenu) {
            contextMenu = createPopup("../components/VideoContextMenu.qml", "videoContextMenu", false)
            contextMenu.openRequested.connect(id => page.library.openInBrowser(id))
            contextMenu.copyRequested.connect(id => page.library.copyLink(id))
            contextMenu.editRequested.connect(id => page.openEditor(id))
            contextMenu.deleteRequested.connect(id => page.deleteVideo(id))
        }
        contextMenu.openFor(id, item, x, y)
    }

    /// A popup of this page from \a file; dialogs get the library and give the
    /// keyboard focus back to the list when they close.
    function createPopup(file, name, dialog) {
        const component = Qt.createComponent(file)
        const popup = component.createObject(page, { objectName: name })
        if (!popup) {
            console.error("LibraryPage: cannot create", file, component.errorString())
            return null
        }
        if (dialog) {
            popup.library = Qt.binding(() => page.library)
            popup.closed.connect(() => {
                if (videoList) // null while the page is being destroyed
                    videoList.forceActiveFocus()
            })
        }
        return popup
    }

    /// Opens the editor for the video \a id.
    function openEditor(id) {
        const v = library.video(id)
        if (v && v.videoId !== undefined) {
            if (!editor) {
                editor = createPopup("VideoEditor.qml", "videoEditor", true)
                editor.saved.connect(() => toast.show(qsTr("Changes saved")))
                editor.deleteRequested.connect(id => page.deleteVideo(id))
            }
            editor.openFor(v)
        }
    }

    /// Scrolls to the video \a id, selects it and makes it flash. Clears the
    /// filters when they hide it. \a keepFocus: leave the keyboard focus where
    /// it is (a dialog is open).
    function reveal(id, keepFocus) {
        if (!library)
            return
        const row = library.indexOfVideo(id)
        if (row < 0) {
            if (filtered) {
                revealPending = id
                library.clearFilters()
            }
            return
        }
        revealPending = null
        videoList.currentIndex = row
        videoList.positionViewAtIndex(row, ListView.Contain)
        highlightId = null
        highlightId = id
        if (!keepFocus)
            videoList.forceActiveFocus()
    }

    function currentVideoId() {
        return videoList.currentItem ? videoList.currentItem.videoId : null
    }

    function deleteVideo(id) {
        if (id !== null && id !== undefined)
            library.deleteVideo(id)
    }

    /// The clipboard's text (QML has no clipboard API; a hidden input pastes it).
    function clipboardText() {
        clipboardReader.text = ""
        clipboardReader.paste()
        const text = clipboardReader.text
        clipboardReader.text = ""
        return text
    }

    /// A drop on the page: the first URL (a link dragged from a browser), else
    /// the text, goes into the add dialog.
    function openDropped(urls, text) {
        const link = urls && urls.length > 0 ? urls[0].toString() : (text || "")
        openAdd(link.trim().split(/\s+/)[0] || "")
    }

    /// Says once that changes of an earlier run were kept (LibraryController.recoveredMessage).
    function showRecovered() {
        if (!library || !library.recoveredMessage)
            return
        toast.show(library.recoveredMessage, "", 8000)
        library.dismissRecoveredMessage()
    }
    Component.onCompleted: showRecovered()

    function focusSearch() {
        searchField.forceActiveFocus()
        searchField.selectAll()
    }

    Connections {
        target: page.library
        ignoreUnknownSignals: true
        function onDeleteScheduled(id, title) {
            toast.show(title.length > 0 ? qsTr("Deleted “%1”").arg(title) : qsTr("Video deleted"),
                       qsTr("Undo"), page.undoDuration, id)
        }
        function onLinkCopied(url) {
            toast.show(qsTr("Link copied"))
        }
        function onConflict(message) {
            toast.show(message, "", 8000)
        }
        function onRecoveredMessageChanged() {
            page.showRecovered()
        }
    }

    Connections {
        target: page.videos
        ignoreUnknownSignals: true
        function onCountChanged() {
            if (page.revealPending !== null && page.library.indexOfVideo(page.revealPending) >= 0)
                page.reveal(page.revealPending, page.dialogOpen)
        }
    }

    // --- Shortcuts ------------------------------------------------------------
    // (One sequence each: a Shortcut listing the same keys twice is ambiguous
    // and never fires.)
    Shortcut {
        objectName: "searchShortcut"
        sequence: StandardKey.Find
        enabled: page.active && page.library !== null && !page.dialogOpen
        onActivated: page.focusSearch()
    }
    Shortcut {
        objectName: "addShortcut"
        sequence: StandardKey.New
        enabled: page.active && page.library !== null && !page.dialogOpen
        onActivated: page.openAdd("")
    }
    // Ctrl+V outside a text field: the link goes into a new add dialog. (Text
    // fields take Ctrl+V themselves, so this never steals a paste.)
    Shortcut {
        objectName: "pasteShortcut"
        sequences: [StandardKey.Paste]
        enabled: page.active && page.library !== null && !page.dialogOpen
        onActivated: page.openAdd(page.clipboardText().trim())
    }

    TextInput {
        id: clipboardReader
        visible: false
        Accessible.ignored: true
    }

    // --- Layout -----------------------------------------------------------------
    ColumnLayout {
        id: column
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(1040, parent.width - 2 * Theme.spacingXl)
        spacing: 0

        // Title, search and Add.
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXl
            spacing: Theme.spacingM

            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true

                Text {
                    objectName: "libraryTitle"
                    text: qsTr("Library")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle + 2
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Text {
                    objectName: "libraryCount"
                    visible: page.library !== null && page.emptyState === LibraryController.NotEmpty
                    text: !page.library ? ""
                                        : page.filtered ? (page.library.totalCount === 1 ? qsTr("1 video matches")
                                                                                           : qsTr("%1 videos match").arg(page.library.totalCount))
                                                        : Formats.videoCount(page.library.totalCount)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontBody - 1
                }
            }

            // (A nested layout is never wider than its children allow: this spacer
            // pushes search and Add to the right.)
            Item {
                Layout.fillWidth: true
            }

            SearchField {
                id: searchField
                objectName: "searchField"
                Layout.preferredWidth: Math.min(360, column.width * 0.4)
                enabled: page.library !== null
                // Nothing to search in an empty library (but a search that found nothing stays).
                visible: page.emptyState !== LibraryController.NoVideos || text.length > 0
                text: page.library ? page.library.searchText : ""
                onTextEdited: page.library.searchText = text
                Keys.onDownPressed: videoList.forceActiveFocus()
                Keys.onReturnPressed: videoList.forceActiveFocus()
                Keys.onEnterPressed: videoList.forceActiveFocus()
                onCleared: page.library.searchText = ""
            }

            AppButton {
                objectName: "addVideoButton"
                kind: "primary"
                iconName: "plus"
                text: qsTr("Add video")
                enabled: page.library !== null
                Accessible.description: qsTr("Ctrl+N")
                onClicked: page.openAdd("")
            }
        }

        TagBar {
            id: tagBar
            objectName: "tagBar"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingL
            model: page.library ? page.library.tags : null
            selectedCount: page.library && page.library.selectedTags ? page.library.selectedTags.length : 0
            onToggled: name => page.library.toggleTag(name)
            onCleared: page.library.clearFilters()
        }

        Banner {
            objectName: "libraryErrorBanner"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingL
            kind: "error"
            text: page.library && page.library.errorMessage ? page.library.errorMessage : ""
            actionText: qsTr("Try again")
            onActionTriggered: page.library.refresh()
        }

        // The list and what shows instead of it.
        Item {
            id: listArea
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacingL

            ListView {
                id: videoList
                objectName: "videoList"
                anchors.fill: parent
                anchors.rightMargin: -Theme.spacingM // room for the scroll bar outside the cards
                rightMargin: Theme.spacingM
                focus: true
                clip: true
                model: page.videos
                reuseItems: true
                cacheBuffer: 480
                boundsBehavior: Flickable.StopAtBounds
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                currentIndex: -1
                visible: page.emptyState === LibraryController.NotEmpty
                activeFocusOnTab: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Your videos")

                ScrollBar.vertical: ScrollBar {
                    objectName: "videoScrollBar"
                    policy: videoList.contentHeight > videoList.height ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff
                }

                // The first row is selected once the list has focus and rows.
                function ensureCurrent() {
                    if (activeFocus && currentIndex < 0 && count > 0)
                        currentIndex = 0
                }
                onActiveFocusChanged: ensureCurrent()
                onCountChanged: ensureCurrent()

                Keys.onPressed: event => {
                    const id = page.currentVideoId()
                    if (id === null || id === undefined)
                        return
                    if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                        page.library.openInBrowser(id)
                        event.accepted = true
                    } else if (event.key === Qt.Key_Delete
                               || (event.key === Qt.Key_Backspace && (event.modifiers & Qt.ControlModifier))) {
                        page.deleteVideo(id)
                        event.accepted = true
                    } else if (event.key === Qt.Key_F2 || (event.key === Qt.Key_E && event.modifiers === Qt.NoModifier)) {
                        page.openEditor(id)
                        event.accepted = true
                    } else if (event.matches(StandardKey.Copy)) {
                        page.library.copyLink(id)
                        event.accepted = true
                    } else if (event.key === Qt.Key_Menu) {
                        page.openContextMenu(id, videoList.currentItem, videoList.currentItem.width - 220, 40)
                        event.accepted = true
                    }
                }

                delegate: VideoDelegate {
                    id: delegate
                    required property string title
                    objectName: "video_" + videoId
                    width: ListView.view.width - ListView.view.rightMargin
                    current: ListView.isCurrentItem
                    listFocused: ListView.view.activeFocus
                    highlighted: page.highlightId !== null && videoId === page.highlightId
                    onSelected: {
                        videoList.currentIndex = index
                        videoList.forceActiveFocus()
                    }
                    onOpenRequested: page.library.openInBrowser(videoId)
                    onCopyRequested: page.library.copyLink(videoId)
                    onEditRequested: page.openEditor(videoId)
                    onDeleteRequested: page.deleteVideo(videoId)
                    onUndoRequested: page.library.undoDelete(videoId)
                    onContextMenuRequested: (x, y) => page.openContextMenu(videoId, delegate, x, y)
                }

                footer: Item {
                    width: videoList.width
                    height: page.library && page.library.loading && videoList.count > 0 ? 56 : Theme.spacingL
                    Spinner {
                        anchors.centerIn: parent
                        width: 22
                        height: 22
                        visible: parent.height > Theme.spacingL
                    }
                }
            }

            LibraryEmptyStates {
                anchors.fill: parent
                visible: page.emptyState !== LibraryController.NotEmpty
                library: page.library
                emptyState: page.emptyState
                onAddRequested: page.openAdd("")
            }
        }

        // Sync status and the size of the library.
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: 40

            Rectangle {
                anchors.top: parent.top
                width: parent.width
                height: 1
                color: Theme.border
            }

            SyncStatus {
                objectName: "syncStatus"
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                pendingChanges: page.library ? page.library.pendingChanges : 0
                offline: page.library ? page.library.offline : false
                busy: page.library ? page.library.loading : false
            }

            Text {
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Ctrl+N add · Ctrl+F search · Del delete")
                color: Theme.textTertiary
                font.pixelSize: Theme.fontCaption
                visible: page.width > 760
            }
        }
    }

    // --- A link dragged onto the page -------------------------------------------
    DropArea {
        id: dropArea
        objectName: "linkDropArea"
        anchors.fill: parent
        enabled: page.library !== null && !page.dialogOpen
        onEntered: drag => {
            drag.accepted = drag.hasUrls || drag.hasText
        }
        onDropped: drop => {
            drop.accept(Qt.CopyAction)
            page.openDropped(drop.hasUrls ? drop.urls : [], drop.hasText ? drop.text : "")
        }
    }

    Rectangle {
        objectName: "dropOverlay"
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        visible: dropArea.containsDrag
        radius: Theme.radiusXl
        color: Theme.dark ? "#CC151619" : "#E6F5F6F8"
        border.width: 2
        border.color: Theme.accent

        EmptyState {
            anchors.centerIn: parent
            iconName: "link"
            title: qsTr("Drop the link to save it")
            description: qsTr("Any YouTube video link works.")
        }
    }

    Toast {
        id: toast
        objectName: "libraryToast"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 56
        width: Math.min(560, parent.width - 2 * Theme.spacingXl)
        onActionTriggered: id => page.library.undoDelete(id)
    }
}
