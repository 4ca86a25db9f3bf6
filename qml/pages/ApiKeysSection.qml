import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: the API keys (never their secrets), creating one (its secret
// shown once in ApiKeySecretDialog) and revoking one after a confirmation.
SettingsSection {
    id: root

    property QtObject settings
    property string apiKeyError

    Connections {
        target: root.settings
        ignoreUnknownSignals: true
        function onApiKeyCreated(name, secret) {
            keyNameField.text = ""
            root.apiKeyError = ""
            secretDialog.show(name, secret)
        }
        function onApiKeyFailed(message) {
            root.apiKeyError = message
        }
    }

    objectName: "apiKeysSection"
    iconName: "key"
    title: qsTr("API keys")
    description: qsTr("Let scripts and other programs use your library. Treat a key like a password.")

    Text {
        objectName: "noApiKeys"
        visible: apiKeyList.count === 0
        text: qsTr("No API keys yet.")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody - 1
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0
        visible: apiKeyList.count > 0

        Repeater {
            id: apiKeyList
            objectName: "apiKeyList"
            model: root.settings ? root.settings.apiKeys : null
            delegate: Item {
                id: keyRow
                required property int index
                required property string keyId
                required property string name
                required property string prefix
                required property var createdAt
                required property var lastUsedAt
                objectName: "apiKey_" + keyId
                Layout.fillWidth: true
                implicitHeight: 60

                Rectangle {
                    visible: keyRow.index > 0
                    width: parent.width
                    height: 1
                    color: Theme.border
                }

                RowLayout {
                    anchors.fill: parent
                    spacing: Theme.spacingM

                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        RowLayout {
                            spacing: Theme.spacingS
                            Text {
                                text: keyRow.name
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                                Layout.maximumWidth: 260
                            }
                            Rectangle {
                                implicitWidth: prefixText.implicitWidth + 12
                                implicitHeight: 20
                                radius: Theme.radiusS
                                color: Theme.surfaceMuted
                                Text {
                                    id: prefixText
                                    anchors.centerIn: parent
                                    text: keyRow.prefix + "…"
                                    color: Theme.textSecondary
                                    font.family: "monospace"
                                    font.pixelSize: Theme.fontCaption
                                }
                            }
                        }
                        Text {
                            text: qsTr("Created %1").arg(Formats.shortDate(keyRow.createdAt)) + " · "
                                  + (Formats.isValidDate(keyRow.lastUsedAt) ? qsTr("last used %1").arg(Formats.relative(keyRow.lastUsedAt))
                                                                             : qsTr("never used"))
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    AppButton {
                        objectName: "revokeButton_" + keyRow.keyId
                        kind: "subtle"
                        compact: true
                        text: qsTr("Revoke")
                        Accessible.name: qsTr("Revoke %1").arg(keyRow.name)
                        onClicked: revokeDialog.ask(keyRow.keyId, keyRow.name)
                    }
                }
            }
        }
    }

    FormField {
        objectName: "newKeyRow"
        Layout.fillWidth: true
        label: qsTr("New key")
        hint: qsTr("A name helps you recognise it later, e.g. “Backup script”.")
        error: root.apiKeyError

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            AppTextField {
                id: keyNameField
                objectName: "apiKeyNameField"
                Layout.fillWidth: true
                placeholderText: qsTr("Key name")
                maximumLength: 100
                invalid: root.apiKeyError.length > 0
                Accessible.name: qsTr("Name of the new API key")
                onTextEdited: root.apiKeyError = ""
                Keys.onReturnPressed: createKeyButton.clicked()
                Keys.onEnterPressed: createKeyButton.clicked()
            }
            AppButton {
                id: createKeyButton
                objectName: "createApiKeyButton"
                iconName: "plus"
                text: qsTr("Create key")
                enabled: root.settings !== null && keyNameField.text.trim().length > 0
                onClicked: if (enabled) root.settings.createApiKey(keyNameField.text.trim())
            }
        }
    }

    ConfirmDialog {
        id: revokeDialog
        objectName: "revokeKeyDialog"
        property string keyId
        property string keyName
        function ask(id, name) {
            keyId = id
            keyName = name
            open()
        }
        title: qsTr("Revoke “%1”?").arg(keyName)
        description: qsTr("Programs using this key stop working at once. This can’t be undone.")
        confirmText: qsTr("Revoke key")
        destructive: true
        onConfirmed: root.settings.revokeApiKey(keyId)
    }

    ApiKeySecretDialog {
        id: secretDialog
        objectName: "apiKeySecretDialog"
    }
}
