import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: sign out, or sign out and forget this device (after a
// confirmation that says what is lost).
SettingsSection {
    id: root

    property QtObject auth
    property QtObject settings
    /// The library, for how many changes still wait to sync (forgetting loses them).
    property QtObject library

    readonly property int waitingChanges: (library ? library.pendingChanges : 0)
                                          + (settings && settings.pendingChanges ? settings.pendingChanges : 0)

    objectName: "sessionSection"
    iconName: "shield"
    title: qsTr("This computer")
    description: qsTr("Sign out here, or also remove everything Clipshelf keeps on this computer.")

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS

        AppButton {
            objectName: "settingsSignOutButton"
            iconName: "sign-out"
            text: qsTr("Sign out")
            enabled: root.auth !== null
            onClicked: root.auth.signOut()
        }
        AppButton {
            objectName: "forgetDeviceButton"
            kind: "subtle"
            iconName: "trash"
            text: qsTr("Sign out and forget this device")
            enabled: root.auth !== null
            onClicked: forgetDialog.open()
        }
    }

    ConfirmDialog {
        id: forgetDialog
        objectName: "forgetDeviceDialog"
        title: qsTr("Sign out and forget this device?")
        description: qsTr("Clipshelf removes your sign-in, the saved copy of your library and the thumbnails from this computer. Your videos stay in your account.")
                     + (root.waitingChanges > 0
                        ? "\n\n" + (root.waitingChanges === 1 ? qsTr("1 change hasn’t synced yet and will be lost.")
                                                              : qsTr("%1 changes haven’t synced yet and will be lost.").arg(root.waitingChanges))
                        : "")
        confirmText: qsTr("Sign out and forget")
        destructive: true
        onConfirmed: {
            if (typeof root.auth.signOutAndForget === "function")
                root.auth.signOutAndForget()
            else
                root.auth.signOut()
        }
    }
}
