import QtQuick
import QtQuick.Controls
import Clipshelf

// A video's right-click (or Menu key) menu: open, copy link, edit, delete.
Menu {
    id: menu

    property var videoId: null

    signal openRequested(var id)
    signal copyRequested(var id)
    signal editRequested(var id)
    signal deleteRequested(var id)

    function openFor(id, item, x, y) {
        videoId = id
        popup(item, x, y)
    }

    MenuItem {
        objectName: "menuOpen"
        text: qsTr("Open in browser")
        onTriggered: menu.openRequested(menu.videoId)
    }
    MenuItem {
        objectName: "menuCopyLink"
        text: qsTr("Copy link")
        onTriggered: menu.copyRequested(menu.videoId)
    }
    MenuItem {
        objectName: "menuEdit"
        text: qsTr("Edit…")
        onTriggered: menu.editRequested(menu.videoId)
    }
    MenuSeparator {}
    MenuItem {
        objectName: "menuDelete"
        text: qsTr("Delete")
        onTriggered: menu.deleteRequested(menu.videoId)
    }
}
