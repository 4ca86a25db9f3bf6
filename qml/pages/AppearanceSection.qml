import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Settings: theme and language, both applied at once (Main.qml follows them).
SettingsSection {
    id: root

    property QtObject settings

    objectName: "appearanceSection"
    iconName: "palette"
    title: qsTr("Appearance")
    description: qsTr("Changes apply right away, on every computer you use.")

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingL

        Text {
            text: qsTr("Theme")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
        }
        SegmentedControl {
            objectName: "themeControl"
            Layout.alignment: Qt.AlignRight
            Accessible.name: qsTr("Theme")
            value: root.settings ? root.settings.theme : "system"
            model: [
                { "value": "system", "label": qsTr("System") },
                { "value": "light", "label": qsTr("Light") },
                { "value": "dark", "label": qsTr("Dark") }
            ]
            onActivated: value => root.settings.setTheme(value)
        }

        Text {
            text: qsTr("Language")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
        }
        SegmentedControl {
            objectName: "languageControl"
            Layout.alignment: Qt.AlignRight
            Accessible.name: qsTr("Language")
            value: root.settings && root.settings.language.indexOf("de") === 0 ? "de" : "en"
            // Each language in its own words.
            model: [
                { "value": "en", "label": "English" },
                { "value": "de", "label": "Deutsch" }
            ]
            onActivated: value => root.settings.setLanguage(value)
        }
    }
}
