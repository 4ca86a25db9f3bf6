import QtQuick
import Clipshelf

// "Are you sure?": a title, what will happen, Cancel and the action. With
// `destructive` the action is red. Focus starts on Cancel, so Enter is safe.
AppDialog {
    id: dialog

    property string confirmText: qsTr("Confirm")
    property string cancelText: qsTr("Cancel")
    property bool destructive: false

    signal confirmed()
    signal cancelled()

    preferredWidth: 440
    onOpened: cancelButton.forceActiveFocus()

    buttons: [
        AppButton {
            id: cancelButton
            objectName: dialog.objectName + "Cancel"
            text: dialog.cancelText
            onClicked: {
                dialog.close()
                dialog.cancelled()
            }
        },
        AppButton {
            objectName: dialog.objectName + "Confirm"
            kind: dialog.destructive ? "danger" : "primary"
            text: dialog.confirmText
            onClicked: {
                dialog.close()
                dialog.confirmed()
            }
        }
    ]
}
