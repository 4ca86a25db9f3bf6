import QtQuick
import QtQuick.Layouts
import Clipshelf

// What the library shows instead of its list: loading, no videos yet (with
// Add), or nothing matching the tags / the search (with Clear filters).
Item {
    id: root

    property QtObject library
    /// LibraryController.EmptyState
    property int emptyState: LibraryController.NotEmpty

    signal addRequested()

    // Loading: a calm spinner, only when there is nothing to show yet.
    ColumnLayout {
        objectName: "libraryLoading"
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -Theme.spacingXxl
        visible: root.emptyState === LibraryController.Loading
        spacing: Theme.spacingM
        Spinner {
            Layout.alignment: Qt.AlignHCenter
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Loading your library…")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontBody
        }
    }

    ColumnLayout {
        objectName: "libraryEmpty"
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -Theme.spacingXxl
        width: Math.min(480, parent.width - 2 * Theme.spacingL)
        visible: root.emptyState === LibraryController.NoVideos
        spacing: Theme.spacingL

        EmptyState {
            id: noVideos
            objectName: "noVideosState"
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: parent.width
            iconName: "library"
            title: qsTr("No videos yet")
            descriptionWidth: 460
            description: qsTr("Paste a YouTube link to save your first.") + "\n"
                         + qsTr("Ctrl+V works anywhere here, or drop a link onto the window.")
        }
        AppButton {
            objectName: "emptyAddButton"
            Layout.alignment: Qt.AlignHCenter
            kind: "primary"
            iconName: "plus"
            text: qsTr("Add your first video")
            onClicked: root.addRequested()
        }
    }

    ColumnLayout {
        objectName: "libraryNoMatches"
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -Theme.spacingXxl
        width: Math.min(440, parent.width - 2 * Theme.spacingL)
        visible: root.emptyState === LibraryController.NoMatches
        spacing: Theme.spacingL

        readonly property bool byTags: root.library && root.library.selectedTags
                                       && root.library.selectedTags.length > 0
        readonly property bool byText: root.library && root.library.searchText
                                       && root.library.searchText.length > 0

        EmptyState {
            objectName: "noMatchesState"
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: parent.width
            iconName: "search"
            title: parent.byTags && parent.byText ? qsTr("Nothing matches these tags and this search")
                                                  : parent.byTags ? qsTr("Nothing matches these tags")
                                                                  : qsTr("Nothing matches “%1”").arg(root.library ? root.library.searchText : "")
            description: parent.byTags ? qsTr("Try fewer tags, or clear the filters to see your whole library.")
                                       : qsTr("Search looks in titles, notes and links. Try another word.")
        }
        AppButton {
            objectName: "clearFiltersButton"
            Layout.alignment: Qt.AlignHCenter
            iconName: "close"
            text: qsTr("Clear filters")
            onClicked: root.library.clearFilters()
        }
    }
}
