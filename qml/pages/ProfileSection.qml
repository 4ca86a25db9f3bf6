import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: the display name and the profile picture (chosen, previewed
// scaled, then uploaded).
SettingsSection {
    id: root

    property QtObject settings
    /// The picture chosen but not yet uploaded: prepareAvatar()'s answer.
    property var preparedAvatar: null
    property string avatarMessage
    /// Bumped when the avatar file changes, so a same-named file is re-read.
    property int avatarVersion: 0

    /// A picture file was chosen (the file dialog, or a test).
    function avatarChosen(fileUrl) {
        const result = settings.prepareAvatar(fileUrl)
        if (result.ok) {
            preparedAvatar = result
            avatarMessage = ""
        } else {
            preparedAvatar = null
            avatarMessage = result.message || qsTr("This picture can’t be used.")
        }
    }

    function withVersion(url) {
        const s = url ? url.toString() : ""
        return s.length > 0 ? s + "?v=" + avatarVersion : ""
    }

    Connections {
        target: root.settings
        ignoreUnknownSignals: true
        function onAvatarUrlChanged() {
            root.avatarVersion++
        }
        function onDisplayNameChanged() {
            nameField.text = root.settings.displayName
        }
    }

    objectName: "profileSection"
    iconName: "user"
    title: qsTr("Profile")
    description: qsTr("How you appear in Clipshelf.")

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingL

        Avatar {
            id: avatar
            objectName: "settingsAvatar"
            Layout.preferredWidth: 64
            Layout.preferredHeight: 64
            Layout.alignment: Qt.AlignTop
            source: root.preparedAvatar ? root.withVersion(root.preparedAvatar.previewUrl)
                                        : root.settings && root.settings.avatarUrl ? root.withVersion(root.settings.avatarUrl) : ""
            name: root.settings ? root.settings.displayName : ""
            email: root.settings && root.settings.email ? root.settings.email : ""
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            Text {
                text: root.preparedAvatar ? qsTr("Preview of your new picture")
                                          : qsTr("Profile picture")
                color: Theme.text
                font.pixelSize: Theme.fontBody - 1
                font.weight: Font.Medium
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS

                AppButton {
                    objectName: "uploadAvatarButton"
                    visible: root.preparedAvatar !== null
                    kind: "primary"
                    compact: true
                    text: qsTr("Use this picture")
                    onClicked: {
                        root.settings.uploadPreparedAvatar()
                        root.preparedAvatar = null
                    }
                }
                AppButton {
                    objectName: "cancelAvatarButton"
                    visible: root.preparedAvatar !== null
                    compact: true
                    text: qsTr("Cancel")
                    onClicked: root.preparedAvatar = null
                }
                AppButton {
                    objectName: "chooseAvatarButton"
                    visible: root.preparedAvatar === null
                    compact: true
                    iconName: "image"
                    text: qsTr("Choose picture…")
                    onClicked: fileDialogLoader.open()
                }
                AppButton {
                    objectName: "removeAvatarButton"
                    visible: root.preparedAvatar === null && root.settings !== null
                             && root.settings.avatarUrl.toString().length > 0
                    kind: "subtle"
                    compact: true
                    text: qsTr("Remove")
                    onClicked: root.settings.removeAvatar()
                }
            }
            Text {
                objectName: "avatarMessage"
                visible: text.length > 0
                text: root.avatarMessage.length > 0
                      ? root.avatarMessage
                      : root.preparedAvatar ? qsTr("%1 × %2 pixels").arg(root.preparedAvatar.width).arg(root.preparedAvatar.height) : ""
                color: root.avatarMessage.length > 0 ? Theme.errorText : Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    FormField {
        objectName: "displayNameRow"
        Layout.fillWidth: true
        label: qsTr("Display name")
        hint: root.settings && root.settings.email ? qsTr("Signed in as %1").arg(root.settings.email) : ""

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            AppTextField {
                id: nameField
                objectName: "displayNameField"
                Layout.fillWidth: true
                text: root.settings ? root.settings.displayName : ""
                maximumLength: 100
                placeholderText: qsTr("Your name")
                Accessible.name: qsTr("Display name")
                Keys.onReturnPressed: saveNameButton.clicked()
                Keys.onEnterPressed: saveNameButton.clicked()
            }
            AppButton {
                id: saveNameButton
                objectName: "saveDisplayNameButton"
                kind: "primary"
                text: qsTr("Save")
                enabled: root.settings !== null && nameField.text.trim() !== root.settings.displayName
                onClicked: if (enabled) root.settings.setDisplayName(nameField.text.trim())
            }
        }
    }

    // The picture chooser, created when first needed.
    Loader {
        id: fileDialogLoader
        objectName: "avatarFileDialogLoader"
        active: false
        visible: false
        function open() {
            active = true
            item.open()
        }
        sourceComponent: AvatarFileDialog {
            onChosen: url => root.avatarChosen(url)
        }
    }
}
