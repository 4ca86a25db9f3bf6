import QtQuick
import Clipshelf

// Says that this computer cannot store the profile's changes (no SQLite
// driver, data directory not writable...): Clipshelf keeps them in memory, so
// those not yet synced are lost when it closes. Hidden while `warning` is empty.
Banner {
    id: banner
    objectName: "storageWarningBanner"

    /// Why, and what it means: App.storageWarning (Workspace::storageWarning()).
    property string warning

    kind: "warning"
    title: qsTr("Unsynced changes won’t survive a restart")
    text: warning
}
