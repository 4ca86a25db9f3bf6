import QtQuick
import QtQuick.Layouts
import Clipshelf

// Shows a new API key's secret this one time, with Copy and a clear warning
// that it won't be shown again. The secret lives only in this dialog's field
// and is cleared when it closes.
AppDialog {
    id: dialog

    property string keyName
    property bool copied: false

    function show(name, secret) {
        keyName = name
        secretField.text = secret
        copied = false
        open()
    }

    function copySecret() {
        secretField.selectAll()
        secretField.copy()
        secretField.deselect()
        copied = true
        copiedTimer.restart()
    }

    title: qsTr("Your new API key")
    description: qsTr("“%1” is ready. Copy the key and keep it somewhere safe, like a password manager.").arg(keyName)
    preferredWidth: 520
    // Only Done closes it: a stray click must not lose the secret.
    persistent: true
    onOpened: copyButton.forceActiveFocus()
    onClosed: {
        secretField.text = ""
        keyName = ""
    }

    Timer {
        id: copiedTimer
        interval: 2000
        onTriggered: dialog.copied = false
    }

    Banner {
        objectName: "apiKeySecretWarning"
        Layout.fillWidth: true
        kind: "warning"
        title: qsTr("You won’t see this key again")
        text: qsTr("Clipshelf doesn’t keep it. If you lose it, revoke it and create a new one.")
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS

        AppTextField {
            id: secretField
            objectName: "apiKeySecretField"
            Layout.fillWidth: true
            readOnly: true
            font.family: "monospace"
            font.pixelSize: Theme.fontBody - 1
            Accessible.name: qsTr("API key")
        }
        AppButton {
            id: copyButton
            objectName: "copySecretButton"
            iconName: dialog.copied ? "check" : "copy"
            text: dialog.copied ? qsTr("Copied") : qsTr("Copy")
            onClicked: dialog.copySecret()
        }
    }

    buttons: [
        AppButton {
            objectName: "apiKeySecretDone"
            kind: "primary"
            text: qsTr("Done")
            onClicked: dialog.close()
        }
    ]
}
