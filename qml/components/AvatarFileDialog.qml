import QtQuick
import QtQuick.Dialogs
import Clipshelf

// Picks a picture file for the avatar (the platform's file dialog where there
// is one). chosen(url) with a file:// URL.
FileDialog {
    id: dialog

    signal chosen(url fileUrl)

    title: qsTr("Choose a profile picture")
    fileMode: FileDialog.OpenFile
    nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)")]
    onAccepted: dialog.chosen(selectedFile)
}
