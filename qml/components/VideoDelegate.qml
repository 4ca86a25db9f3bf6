import QtQuick
import QtQuick.Controls
import Clipshelf

// One saved video in the library list: thumbnail, title (or the link when
// untitled), notes or link, tags and date. Fixed height and plain anchors so
// that a list of 100,000 scrolls smoothly; the action buttons only exist while
// the row is hovered or selected.
Item {
    id: row

    // Model roles.
    required property int index
    required property var videoId
    required property string youtubeId
    required property string displayTitle
    required property string url
    required property string notes
    required property var tags
    required property var createdAt
    required property bool pending
    required property bool pendingDelete

    /// The list's current item (keyboard selection).
    property bool current: false
    /// The list has keyboard focus (draws the selection ring).
    property bool listFocused: false
    /// Flash once to draw the eye (e.g. "Already in your library").
    property bool highlighted: false
    /// Tags shown as pills before "+N".
    property int maxTags: 4

    signal selected()
    signal openRequested()
    signal editRequested()
    signal copyRequested()
    signal deleteRequested()
    signal undoRequested()
    signal contextMenuRequested(real x, real y)

    readonly property bool hovered: mouse.containsMouse
    readonly property bool showActions: !pendingDelete && (hovered || current)

    implicitHeight: 96
    height: 96

    Accessible.role: Accessible.ListItem
    Accessible.name: displayTitle
    Accessible.description: (pending ? qsTr("Waiting to sync") + ". " : "")
                            + (tags && tags.length > 0 ? qsTr("Tags: %1").arg(tags.join(", ")) : "")
    Accessible.selected: current

    onHighlightedChanged: if (highlighted) flash.restart()

    Rectangle {
        id: card
        anchors.fill: parent
        anchors.bottomMargin: Theme.spacingS
        radius: Theme.radiusL
        color: row.hovered && !row.current ? (Theme.dark ? "#23262B" : "#FCFCFD") : Theme.surface
        border.width: row.current ? 1.5 : 1
        border.color: row.current ? (row.listFocused ? Theme.accent : Theme.borderStrong)
                                  : row.hovered ? Theme.borderStrong : Theme.border
        opacity: row.pendingDelete ? 0.6 : 1

        SequentialAnimation {
            id: flash
            ColorAnimation { target: card; property: "color"; to: Theme.accentSoft; duration: Theme.durationNormal }
            PauseAnimation { duration: 900 }
            ColorAnimation { target: card; property: "color"; to: Theme.surface; duration: 900 }
        }
    }

    MouseArea {
        id: mouse
        anchors.fill: card
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        cursorShape: Qt.PointingHandCursor
        onClicked: event => {
            row.selected()
            if (event.button === Qt.RightButton)
                row.contextMenuRequested(event.x, event.y)
        }
        onDoubleClicked: event => {
            if (event.button === Qt.LeftButton && !row.pendingDelete)
                row.openRequested()
        }
    }

    Thumbnail {
        id: thumb
        objectName: "videoThumbnail"
        x: 10
        y: 10
        width: 128
        height: 72
        youtubeId: row.youtubeId
        backgroundColor: card.color
        opacity: card.opacity
    }

    Text {
        id: titleText
        objectName: "videoTitle"
        anchors.left: thumb.right
        anchors.leftMargin: Theme.spacingL
        anchors.right: pendingPill.visible ? pendingPill.left : dateText.left
        anchors.rightMargin: Theme.spacingM
        y: 12
        text: row.displayTitle
        color: Theme.text
        font.pixelSize: Theme.fontSubtitle - 1
        font.weight: Font.DemiBold
        font.strikeout: row.pendingDelete
        elide: Text.ElideRight
        maximumLineCount: 1
        textFormat: Text.PlainText
        opacity: card.opacity
    }

    Text {
        id: secondLine
        objectName: "videoSubtitle"
        anchors.left: titleText.left
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingL
        anchors.top: titleText.bottom
        anchors.topMargin: 2
        // The notes say more than the link; the link (without the scheme) when
        // there are none, unless the title already is the link.
        text: row.notes.length > 0 ? row.notes.replace(/\s+/g, " ")
                                   : row.displayTitle === row.url ? qsTr("No title yet")
                                                                  : row.url.replace(/^https?:\/\/(www\.)?/, "")
        font.italic: row.notes.length === 0 && row.displayTitle === row.url
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody - 1
        elide: Text.ElideRight
        maximumLineCount: 1
        textFormat: Text.PlainText
        opacity: card.opacity
    }

    Row {
        id: tagRow
        objectName: "videoTags"
        anchors.left: titleText.left
        anchors.bottom: card.bottom
        anchors.bottomMargin: 12
        spacing: 6
        opacity: card.opacity

        Repeater {
            model: row.tags ? row.tags.slice(0, row.maxTags) : []
            delegate: Rectangle {
                required property string modelData
                height: 20
                width: tagText.implicitWidth + 14
                radius: 10
                color: Theme.surfaceMuted
                Text {
                    id: tagText
                    anchors.centerIn: parent
                    text: parent.modelData
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
        Text {
            visible: row.tags && row.tags.length > row.maxTags
            text: "+" + (row.tags ? row.tags.length - row.maxTags : 0)
            color: Theme.textTertiary
            font.pixelSize: Theme.fontCaption
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    Text {
        id: dateText
        objectName: "videoDate"
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingL
        anchors.verticalCenter: tagRow.verticalCenter
        text: Formats.shortDate(row.createdAt)
        color: Theme.textTertiary
        font.pixelSize: Theme.fontCaption
        opacity: row.showActions ? 0 : card.opacity
    }

    // "Not synced yet" / "Deleted": a quiet pill next to the title.
    Rectangle {
        id: pendingPill
        objectName: "pendingMarker"
        visible: row.pending || row.pendingDelete
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingL
        anchors.verticalCenter: titleText.verticalCenter
        width: pendingRow.implicitWidth + 16
        height: 22
        radius: 11
        color: row.pendingDelete ? Theme.errorBackground : Theme.warningBackground
        opacity: row.showActions ? 0 : 1

        Row {
            id: pendingRow
            anchors.centerIn: parent
            spacing: 4
            Icon {
                symbol: row.pendingDelete ? "trash" : "clock"
                size: 12
                color: row.pendingDelete ? Theme.errorIcon : Theme.warningIcon
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: row.pendingDelete ? qsTr("Deleted") : qsTr("Waiting to sync")
                color: row.pendingDelete ? Theme.errorText : Theme.warningText
                font.pixelSize: Theme.fontCaption - 1
                font.weight: Font.Medium
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    AppButton {
        objectName: "undoDeleteButton"
        visible: row.pendingDelete
        kind: "secondary"
        compact: true
        iconName: "undo"
        text: qsTr("Undo")
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingL
        anchors.verticalCenter: tagRow.verticalCenter
        onClicked: row.undoRequested()
    }

    // Actions for the hovered or selected row, created on demand.
    Loader {
        id: actions
        active: row.showActions
        anchors.right: parent.right
        anchors.rightMargin: 10
        anchors.verticalCenter: card.verticalCenter
        sourceComponent: Rectangle {
            implicitWidth: buttons.implicitWidth + 12
            implicitHeight: buttons.implicitHeight + 8
            radius: Theme.radiusM
            color: card.color

            Row {
                id: buttons
                anchors.centerIn: parent
                spacing: 2
                IconButton {
                    objectName: "openButton"
                    iconName: "external-link"
                    text: qsTr("Open in browser")
                    focusPolicy: Qt.NoFocus
                    onClicked: row.openRequested()
                }
                IconButton {
                    objectName: "copyLinkButton"
                    iconName: "link"
                    text: qsTr("Copy link")
                    focusPolicy: Qt.NoFocus
                    onClicked: row.copyRequested()
                }
                IconButton {
                    objectName: "editButton"
                    iconName: "edit"
                    text: qsTr("Edit")
                    focusPolicy: Qt.NoFocus
                    onClicked: row.editRequested()
                }
                IconButton {
                    objectName: "deleteButton"
                    iconName: "trash"
                    danger: true
                    text: qsTr("Delete")
                    focusPolicy: Qt.NoFocus
                    onClicked: row.deleteRequested()
                }
            }
        }
    }
}
