import QtQuick
import QtQuick.Layouts
import Clipshelf

// The one place problems show (App.notices): the banners of lasting problems
// (offline, keychain, storage, a certificate refused…) stacked at the bottom
// of the window, and the newest passing one as a toast above them. Inline field errors are left
// to the forms (notices.fieldError(field)). Texts come from the notices on each
// read, so they follow the interface language.
Item {
    id: area
    objectName: "noticeArea"

    /// The notices to show (App.notices; tests may give their own).
    property Notices notices: App.notices
    /// Topics a page draws with banners of its own (not shown twice).
    property var hiddenTopics: []
    /// How long a toast stays, in ms.
    property int toastDuration: 6000

    readonly property var shownBanners: {
        const all = notices ? notices.banners : []
        return all.filter(n => area.hiddenTopics.indexOf(n.topic) < 0)
    }
    readonly property var currentToast: notices ? notices.toast : ({})

    ColumnLayout {
        id: bannerColumn
        objectName: "noticeBanners"
        visible: area.shownBanners.length > 0
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 2 * Theme.spacingXl // clear of a page's status line
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(640, area.width - 2 * Theme.spacingXl)
        spacing: Theme.spacingS

        Repeater {
            model: area.shownBanners
            // Each banner floats over the page: an opaque backing under its tinted colours.
            delegate: Rectangle {
                id: backing
                required property var modelData
                radius: Theme.radiusM
                color: Theme.window
                implicitHeight: banner.implicitHeight
                Layout.fillWidth: true

                Banner {
                    id: banner
                    objectName: "noticeBanner_" + backing.modelData.kind
                    anchors.fill: parent
                    kind: backing.modelData.severity === "error" ? "error" : "warning"
                    text: backing.modelData.text
                    actionText: qsTr("Dismiss")
                    onActionTriggered: area.notices.dismiss(backing.modelData.id)
                }
            }
        }
    }

    Toast {
        id: toast
        objectName: "noticeToast"
        anchors.bottom: bannerColumn.visible ? bannerColumn.top : parent.bottom
        anchors.bottomMargin: bannerColumn.visible ? Theme.spacingM : 2 * Theme.spacingXl
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(560, area.width - 2 * Theme.spacingL)
        height: implicitHeight
        onShownChanged: {
            // The toast left (timeout or replaced): its notice goes too.
            if (!shown && payload && area.notices)
                area.notices.dismiss(payload)
        }
    }

    // A new toast notice shows at once (replacing the one showing, whose notice goes).
    onCurrentToastChanged: {
        const id = currentToast && currentToast.id ? currentToast.id : 0
        if (id === 0 || id === toast.payload)
            return
        const previous = toast.shown ? toast.payload : 0
        toast.show(currentToast.text, "", area.toastDuration, id)
        if (previous)
            Qt.callLater(area.notices.dismiss, previous) // not while this binding updates
    }

    // Texts are built on each read: a language switch while the toast shows re-words it.
    Connections {
        target: area.notices
        function onChanged() {
            if (!toast.shown || !toast.payload)
                return
            const notice = area.notices.notice(toast.payload)
            if (notice.text)
                toast.text = notice.text
        }
    }
}
