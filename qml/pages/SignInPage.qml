import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clipshelf

// Everything before someone is signed in: the restoring splash, the sign-in
// call to action, the provider/browser progress and the waiting-for-browser
// step. Driven entirely by `auth` (App.auth, or a mock in tests).
FocusScope {
    id: page
    objectName: "signInPage"

    /// The AuthController (or anything with the same properties and functions).
    property QtObject auth
    /// Shown small at the bottom when set.
    property string version
    /// How long "Link copied" stays on the Copy link button, in ms.
    property int linkCopiedDuration: 2000

    /// True for a moment after auth.state changes (drives the card's glide).
    property bool stateTransition: false

    readonly property int authState: auth ? auth.state : AuthController.SignedOut
    readonly property string providerName: auth && auth.providerName ? auth.providerName : ""
    readonly property bool restoring: authState === AuthController.Restoring
    readonly property bool waiting: authState === AuthController.WaitingForBrowser
    readonly property bool working: authState === AuthController.Discovering
                                    || authState === AuthController.CompletingSignIn
    readonly property bool idle: !restoring && !waiting && !working
    readonly property string errorMessage: auth && auth.errorMessage ? auth.errorMessage : ""
    readonly property string keychainWarning: auth && auth.keychainWarning ? auth.keychainWarning : ""
    /// What "Sign out and forget this device" did at the provider (its sign-out page in the browser).
    readonly property string signOutNotice: auth && auth.signOutNotice ? auth.signOutNotice : ""
    readonly property int secondsLeft: auth && auth.secondsLeft > 0 ? auth.secondsLeft : 0
    /// Tighter spacing when the window is short (down to the 480 px minimum).
    readonly property bool compact: height > 0 && height < 600
    readonly property int sectionGap: compact ? Theme.spacingL : Theme.spacingXl + Theme.spacingXs

    /// 299 -> "4:59", 61 -> "1:01", 0 -> "0:00".
    function formatCountdown(seconds) {
        const total = Math.max(0, Math.floor(seconds))
        const minutes = Math.floor(total / 60)
        const rest = total % 60
        return minutes + ":" + (rest < 10 ? "0" : "") + rest
    }

    function statusText() {
        switch (authState) {
        case AuthController.Restoring:
            return qsTr("Restoring your session…")
        case AuthController.Discovering:
            return providerName.length > 0 ? qsTr("Contacting %1…").arg(providerName)
                                           : qsTr("Contacting your sign-in provider…")
        case AuthController.CompletingSignIn:
            return qsTr("Finishing sign-in…")
        }
        return ""
    }

    Keys.onEscapePressed: event => {
        if (waiting && auth) {
            auth.cancel()
            event.accepted = true
        } else {
            event.accepted = false
        }
    }

    // Keyboard focus follows the step: Enter signs in, or opens the browser
    // again while waiting (Escape cancels).
    onIdleChanged: if (idle) signInButton.forceActiveFocus()
    onWaitingChanged: if (waiting) openAgainButton.forceActiveFocus()
    // The card glides to its new size after a state change (but not while the
    // window is being resized, where following instantly feels right).
    onAuthStateChanged: {
        stateTransition = true
        settleTimer.restart()
    }
    Timer {
        id: settleTimer
        interval: Theme.durationNormal + 100
        onTriggered: page.stateTransition = false
    }
    Component.onCompleted: {
        if (idle)
            signInButton.forceActiveFocus()
        else if (waiting)
            openAgainButton.forceActiveFocus()
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, card.implicitHeight + 2 * margin + footer.height)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        readonly property int margin: page.compact ? Theme.spacingL : Theme.spacingXxl

        // A soft shadow under the card: stacked translucent rings, each a little
        // larger and lower (no graphical-effects module needed).
        Repeater {
            model: 8
            delegate: Rectangle {
                required property int index
                readonly property real spread: index + 1
                x: card.x - spread
                y: card.y - spread + 2 + index
                width: card.width + 2 * spread
                height: card.height + 2 * spread
                radius: Theme.radiusXl + spread
                color: Theme.dark ? Qt.rgba(0, 0, 0, 0.045) : Qt.rgba(0.06, 0.09, 0.2, 0.012)
                opacity: page.restoring ? 0 : 1
                Behavior on opacity {
                    NumberAnimation { duration: Theme.durationNormal }
                }
            }
        }

        Item {
            id: card
            objectName: "signInCard"
            width: Math.min(460, flick.width - 2 * Theme.spacingXl)
            implicitHeight: content.implicitHeight + 2 * padding
            height: implicitHeight
            x: Math.round((flick.width - width) / 2)
            y: Math.round(Math.max(flick.margin,
                                   (flick.contentHeight - footer.height - height) / 2))

            readonly property int padding: page.compact ? Theme.spacingXl : Theme.spacingXxl + Theme.spacingS

            Behavior on height {
                enabled: page.stateTransition
                NumberAnimation { duration: Theme.durationNormal; easing.type: Easing.OutCubic }
            }
            Behavior on y {
                enabled: page.stateTransition
                NumberAnimation { duration: Theme.durationNormal; easing.type: Easing.OutCubic }
            }

            // While restoring only the brand shows; the card fades in around it.
            Rectangle {
                anchors.fill: parent
                radius: Theme.radiusXl
                color: Theme.surface
                border.width: 1
                border.color: Theme.border
                opacity: page.restoring ? 0 : 1
                Behavior on opacity {
                    NumberAnimation { duration: Theme.durationNormal }
                }
            }

            ColumnLayout {
                id: content
                x: card.padding
                y: card.padding
                width: card.width - 2 * card.padding
                spacing: 0

                Image {
                    objectName: "appIcon"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: page.compact ? 56 : 72
                    Layout.preferredHeight: page.compact ? 56 : 72
                    source: Theme.icon("clipshelf")
                    sourceSize.width: 144
                    sourceSize.height: 144
                    smooth: true
                    Accessible.ignored: true
                }

                Text {
                    objectName: "titleLabel"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: page.compact ? Theme.spacingM : Theme.spacingL
                    text: qsTr("Clipshelf")
                    color: Theme.text
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.Bold
                    Accessible.role: Accessible.Heading
                }

                Text {
                    objectName: "taglineLabel"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingXs + 2
                    text: qsTr("Your saved videos, on every desktop")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSubtitle - 1
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }

                // --- Messages -------------------------------------------------
                Text {
                    objectName: "signOutNoticeLabel"
                    visible: page.signOutNotice.length > 0 && page.idle
                    Layout.fillWidth: true
                    Layout.topMargin: page.sectionGap
                    text: page.signOutNotice
                    color: Theme.textSecondary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }

                Banner {
                    id: errorBanner
                    objectName: "errorBanner"
                    kind: "error"
                    text: page.errorMessage
                    Layout.fillWidth: true
                    Layout.topMargin: page.sectionGap
                }

                Banner {
                    id: warningBanner
                    objectName: "warningBanner"
                    kind: "warning"
                    title: qsTr("Your sign-in won’t be remembered")
                    text: page.keychainWarning
                    Layout.fillWidth: true
                    Layout.topMargin: errorBanner.visible ? Theme.spacingS : page.sectionGap
                }

                // --- Signed out: the call to action ---------------------------
                ColumnLayout {
                    id: signedOutArea
                    objectName: "signedOutArea"
                    visible: page.idle
                    spacing: 0
                    Layout.fillWidth: true
                    Layout.topMargin: page.sectionGap

                    AppButton {
                        id: signInButton
                        objectName: "signInButton"
                        kind: "primary"
                        text: page.providerName.length > 0 ? qsTr("Sign in with %1").arg(page.providerName)
                                                           : qsTr("Sign in")
                        enabled: page.idle && page.auth !== null
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.controlHeight + 4
                        onClicked: page.auth.signIn()
                    }

                    Column {
                        objectName: "signInNote"
                        spacing: 2
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingL

                        Row {
                            anchors.horizontalCenter: parent.horizontalCenter
                            spacing: Theme.spacingXs + 2

                            Icon {
                                symbol: "lock"
                                size: 13
                                color: Theme.textTertiary
                                anchors.verticalCenter: parent.verticalCenter
                            }
                            Text {
                                objectName: "signInNoteText"
                                text: qsTr("Sign-in happens in your web browser.")
                                color: Theme.textTertiary
                                font.pixelSize: Theme.fontCaption + 1
                                width: Math.min(implicitWidth, content.width - 20)
                                wrapMode: Text.Wrap
                            }
                        }
                        Text {
                            objectName: "signInNotePrivacy"
                            width: parent.width
                            text: qsTr("Clipshelf never sees your password.")
                            color: Theme.textTertiary
                            font.pixelSize: Theme.fontCaption + 1
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }
                    }
                }

                // --- Restoring / contacting the provider / finishing ----------
                ColumnLayout {
                    id: workingArea
                    objectName: "workingArea"
                    visible: page.restoring || page.working
                    spacing: Theme.spacingM
                    Layout.fillWidth: true
                    Layout.topMargin: page.sectionGap

                    Spinner {
                        objectName: "workingSpinner"
                        Layout.alignment: Qt.AlignHCenter
                        implicitWidth: 24
                        implicitHeight: 24
                        lineWidth: 2.5
                    }
                    Text {
                        objectName: "statusLabel"
                        Layout.fillWidth: true
                        text: page.statusText()
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontBody
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                }

                // --- Waiting for the browser ----------------------------------
                ColumnLayout {
                    id: waitingArea
                    objectName: "waitingArea"
                    visible: page.waiting
                    spacing: 0
                    Layout.fillWidth: true
                    Layout.topMargin: page.sectionGap

                    Rectangle {
                        objectName: "waitingPanel"
                        Layout.fillWidth: true
                        implicitHeight: waitingColumn.implicitHeight + 2 * Theme.spacingL
                        radius: Theme.radiusL
                        color: Theme.accentSoft

                        RowLayout {
                            id: waitingColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacingL
                            spacing: Theme.spacingM + 2

                            Spinner {
                                objectName: "waitingSpinner"
                                Layout.alignment: Qt.AlignTop
                                Layout.topMargin: 1
                                implicitWidth: 22
                                implicitHeight: 22
                                lineWidth: 2.5
                                trackColor: Theme.dark ? "#3A3966" : "#D9D8F7"
                            }

                            ColumnLayout {
                                spacing: Theme.spacingXs
                                Layout.fillWidth: true

                                Text {
                                    objectName: "waitingTitle"
                                    Layout.fillWidth: true
                                    text: qsTr("Finish signing in in your browser")
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody + 1
                                    font.weight: Font.DemiBold
                                    wrapMode: Text.Wrap
                                }
                                Text {
                                    objectName: "waitingHint"
                                    Layout.fillWidth: true
                                    text: page.providerName.length > 0
                                          ? qsTr("The sign-in page from %1 is open in your browser. Clipshelf continues by itself once you’re done.").arg(page.providerName)
                                          : qsTr("The sign-in page is open in your browser. Clipshelf continues by itself once you’re done.")
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontBody - 1
                                    lineHeight: 1.15
                                    wrapMode: Text.Wrap
                                }
                                Text {
                                    objectName: "countdownLabel"
                                    Layout.fillWidth: true
                                    Layout.topMargin: Theme.spacingXs
                                    text: qsTr("Waiting… %1 left").arg(page.formatCountdown(page.secondsLeft))
                                    color: Theme.accentSoftText
                                    font.pixelSize: Theme.fontCaption + 1
                                    font.weight: Font.Medium
                                }
                            }
                        }
                    }

                    GridLayout {
                        id: waitingActions
                        // Side by side when both fit, stacked otherwise.
                        readonly property bool fitsInRow: openAgainButton.implicitWidth
                                                          + copyLinkButton.steadyWidth
                                                          + columnSpacing <= content.width
                        columns: fitsInRow ? 2 : 1
                        columnSpacing: Theme.spacingS
                        rowSpacing: Theme.spacingS
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingL

                        AppButton {
                            id: openAgainButton
                            objectName: "openBrowserAgainButton"
                            text: qsTr("Open the browser again")
                            iconName: "external-link"
                            enabled: page.waiting
                            Layout.fillWidth: true
                            onClicked: page.auth.openBrowserAgain()
                        }

                        AppButton {
                            id: copyLinkButton
                            objectName: "copyLinkButton"
                            property bool copied: false
                            // Wide enough for either text, so it doesn't jump when copied.
                            readonly property real steadyWidth: Math.max(implicitWidth, copiedMetrics.advanceWidth
                                                                         + leftPadding + rightPadding + 16 + spacing)
                            text: copied ? qsTr("Link copied") : qsTr("Copy link")
                            iconName: copied ? "check" : "copy"
                            enabled: page.waiting
                            Layout.fillWidth: true
                            Layout.preferredWidth: steadyWidth
                            onClicked: {
                                page.auth.copyLinkToClipboard()
                                copied = true
                                copiedTimer.restart()
                            }

                            TextMetrics {
                                id: copiedMetrics
                                font: copyLinkButton.font
                                text: qsTr("Link copied")
                            }
                            Timer {
                                id: copiedTimer
                                interval: page.linkCopiedDuration
                                onTriggered: copyLinkButton.copied = false
                            }
                        }
                    }

                    AppButton {
                        objectName: "cancelButton"
                        kind: "subtle"
                        text: qsTr("Cancel")
                        enabled: page.waiting
                        Layout.alignment: Qt.AlignHCenter
                        Layout.topMargin: Theme.spacingS
                        onClicked: page.auth.cancel()
                    }
                }
            }
        }

        Text {
            id: footer
            objectName: "versionLabel"
            // Hidden in short windows, where it would only push the card into scrolling.
            visible: page.version.length > 0 && !page.compact
            height: visible ? implicitHeight + 2 * Theme.spacingL : 0
            anchors.horizontalCenter: parent.horizontalCenter
            y: flick.contentHeight - height
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Version %1").arg(page.version)
            color: Theme.textTertiary
            font.pixelSize: Theme.fontCaption
        }
    }
}
