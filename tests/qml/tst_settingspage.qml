import QtQuick
import QtTest
import Clipshelf

TestCase {
    id: testCase
    name: "SettingsPage"
    width: 1000
    height: 2000
    visible: true
    when: windowShown

    Component {
        id: settingsComponent
        MockSettings {}
    }
    Component {
        id: authComponent
        MockAuth {
            state: AuthController.SignedIn
        }
    }
    Component {
        id: libraryComponent
        MockLibrary {}
    }
    Component {
        id: pageComponent
        SettingsPage {
            width: testCase.width
            height: testCase.height
        }
    }
    Component {
        id: clipboardReader
        TextEdit {}
    }

    property var page
    property var settings
    property var auth
    property var library

    function init() {
        settings = createTemporaryObject(settingsComponent, testCase)
        auth = createTemporaryObject(authComponent, testCase)
        library = createTemporaryObject(libraryComponent, testCase)
        const now = Date.now()
        settings.apiKeys.append({ "keyId": "k1", "name": "Backup script", "prefix": "cs_live_7f3a",
                                  "createdAt": new Date(now - 86400000 * 3), "lastUsedAt": new Date(now - 120000) })
        settings.apiKeys.append({ "keyId": "k2", "name": "Home server", "prefix": "cs_live_91bc",
                                  "createdAt": new Date(now), "lastUsedAt": new Date(NaN) })
        settings.activity.append({ "eventId": 2, "kind": "api_key_created", "at": new Date(now - 7200000), "detail": "Home server" })
        settings.activity.append({ "eventId": 1, "kind": "account_created", "at": new Date(now - 86400000 * 30), "detail": "" })
        page = createTemporaryObject(pageComponent, testCase,
                                     { "settings": settings, "auth": auth, "library": library })
        verify(page)
        waitForRendering(page)
    }

    function child(objectName) {
        const item = findChild(page, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function clipboardText() {
        const reader = createTemporaryObject(clipboardReader, testCase)
        reader.paste()
        return reader.text
    }

    // --- Profile --------------------------------------------------------------

    function test_displayName() {
        const field = child("displayNameField")
        const save = child("saveDisplayNameButton")
        compare(field.text, "Ada Lovelace")
        verify(!save.enabled)
        field.forceActiveFocus()
        field.selectAll()
        for (const ch of "Ada King")
            keyClick(ch)
        verify(save.enabled)
        keyClick(Qt.Key_Return)
        compare(settings.last("setDisplayName"), ["Ada King"])
        verify(!save.enabled)
        compare(child("displayNameRowMessage").text, "Signed in as ada@example.com")
    }

    function test_avatarPreviewThenUpload() {
        settings.prepareResult = { "ok": true, "previewUrl": Qt.resolvedUrl("data/avatar.png"),
                                   "width": 256, "height": 256, "bytes": 500, "message": "" }
        verify(child("chooseAvatarButton").visible)
        verify(!child("removeAvatarButton").visible, "no picture to remove")
        page.avatarChosen(Qt.resolvedUrl("data/avatar.png"))
        compare(settings.last("prepareAvatar")[0], Qt.resolvedUrl("data/avatar.png"))
        tryCompare(child("settingsAvatar"), "hasPicture", true)
        compare(child("avatarMessage").text, "256 × 256 pixels")
        verify(child("uploadAvatarButton").visible)
        verify(!child("chooseAvatarButton").visible)
        mouseClick(child("uploadAvatarButton"))
        compare(settings.count("uploadPreparedAvatar"), 1)
        verify(child("chooseAvatarButton").visible)
    }

    function test_chooserIsAFileDialog() {
        const loader = child("avatarFileDialogLoader")
        verify(!loader.active, "created only when needed")
        mouseClick(child("chooseAvatarButton"))
        tryVerify(() => loader.item !== null)
        tryVerify(() => !child("chooseAvatarButton").activeFocus, 5000, "the dialog has the keyboard")
        compare(loader.item.title, "Choose a profile picture")
        verify(loader.item.nameFilters[0].indexOf("*.png") > 0)
        loader.item.close()
        // Qt 6.8 shows the non-native dialog in a window of its own, which
        // takes the keyboard from the test window; the offscreen platform has
        // no window manager to hand it back when the dialog closes (the test
        // window still reports active: its dialog had the focus). Hand it back
        // and wait until it arrives, so the next test can type.
        const window = testCase.Window.window
        window.requestActivate()
        tryVerify(() => window.activeFocusItem !== null, 5000, "the test window has the keyboard again")
        // What it hands back is prepared like any other choice.
        settings.prepareResult = { "ok": true, "previewUrl": Qt.resolvedUrl("data/avatar.png"), "width": 2, "height": 2 }
        loader.item.chosen(Qt.resolvedUrl("data/avatar.png"))
        compare(settings.count("prepareAvatar"), 1)
        verify(child("uploadAvatarButton").visible)
    }

    function test_avatarCancelled() {
        settings.prepareResult = { "ok": true, "previewUrl": Qt.resolvedUrl("data/avatar.png"), "width": 1, "height": 1 }
        page.avatarChosen(Qt.resolvedUrl("data/avatar.png"))
        mouseClick(child("cancelAvatarButton"))
        compare(settings.count("uploadPreparedAvatar"), 0)
        verify(child("chooseAvatarButton").visible)
    }

    function test_avatarRefused() {
        settings.prepareResult = { "ok": false, "message": "This file is not a picture Clipshelf can read (PNG, JPEG, GIF, BMP…)." }
        page.avatarChosen("file:///tmp/notes.txt")
        compare(child("avatarMessage").text, "This file is not a picture Clipshelf can read (PNG, JPEG, GIF, BMP…).")
        verify(!child("uploadAvatarButton").visible)
    }

    function test_removeAvatar() {
        settings.avatarUrl = Qt.resolvedUrl("data/avatar.png")
        verify(child("removeAvatarButton").visible)
        mouseClick(child("removeAvatarButton"))
        compare(settings.count("removeAvatar"), 1)
    }

    // --- Appearance -----------------------------------------------------------

    function test_theme() {
        const control = child("themeControl")
        compare(control.value, "system")
        mouseClick(child("themeControl_dark"))
        compare(settings.last("setTheme"), ["dark"])
        compare(control.value, "dark")
        mouseClick(child("themeControl_light"))
        compare(settings.last("setTheme"), ["light"])
    }

    function test_language() {
        compare(child("languageControl").value, "en")
        mouseClick(child("languageControl_de"))
        compare(settings.last("setLanguage"), ["de"])
        settings.language = "de-DE"
        compare(child("languageControl").value, "de")
        settings.language = "en"
    }

    // --- Notifications --------------------------------------------------------

    function test_notificationsSaveImmediately() {
        const digest = child("switch_email_digest")
        const alerts = child("switch_security_alerts")
        verify(!digest.checked)
        verify(alerts.checked)
        mouseClick(digest)
        compare(settings.last("setNotification"), ["email_digest", true])
        mouseClick(alerts)
        compare(settings.last("setNotification"), ["security_alerts", false])
        mouseClick(child("switch_product_updates"))
        compare(settings.last("setNotification"), ["product_updates", true])
    }

    function test_rollbackShowsMessage() {
        const digest = child("switch_email_digest")
        mouseClick(digest)
        verify(digest.checked)
        // The controller rolls back and says why.
        settings.emailDigest = false
        settings.message = "Your change could not be saved: the service is not answering."
        verify(!digest.checked)
        const banner = child("settingsMessage")
        verify(banner.visible)
        compare(banner.text, "Your change could not be saved: the service is not answering.")
        mouseClick(child("settingsMessageAction"))
        compare(settings.count("clearMessage"), 1)
        verify(!banner.visible)
    }

    function test_changedElsewhere() {
        settings.message = "Settings were changed elsewhere — reloaded"
        compare(child("settingsMessageText").text, "Settings were changed elsewhere — reloaded")
    }

    // --- API keys ---------------------------------------------------------------

    function test_apiKeyList() {
        verify(!child("noApiKeys").visible)
        const first = child("apiKey_k1")
        verify(first.visible)
        compare(first.name, "Backup script")
        verify(child("apiKey_k2"))
    }

    function test_createKeyShowsSecretOnce() {
        const create = child("createApiKeyButton")
        verify(!create.enabled)
        const field = child("apiKeyNameField")
        field.forceActiveFocus()
        for (const ch of "CI")
            keyClick(ch)
        mouseClick(create)
        compare(settings.last("createApiKey"), ["CI"])
        settings.apiKeyCreated("CI", "cs_live_0123456789abcdef")
        const dialog = child("apiKeySecretDialog")
        tryCompare(dialog, "opened", true)
        compare(child("apiKeySecretField").text, "cs_live_0123456789abcdef")
        compare(child("apiKeySecretWarningTitle").text, "You won’t see this key again")
        compare(field.text, "", "the name field is ready for the next key")
        mouseClick(child("copySecretButton"))
        compare(clipboardText(), "cs_live_0123456789abcdef")
        compare(child("copySecretButton").text, "Copied")
        // A click outside does not close it (the secret would be lost).
        mouseClick(page, 5, 5)
        verify(dialog.opened)
        mouseClick(child("apiKeySecretDone"))
        tryCompare(dialog, "visible", false)
        compare(child("apiKeySecretField").text, "", "the secret is gone with the dialog")
    }

    function test_createKeyFails() {
        child("apiKeyNameField").forceActiveFocus()
        keyClick("x")
        keyClick(Qt.Key_Return)
        settings.apiKeyFailed("The key was not created because Clipshelf could not reach the service. Try again when you are online.")
        compare(child("newKeyRowMessage").text, "The key was not created because Clipshelf could not reach the service. Try again when you are online.")
        compare(child("apiKeyNameField").text, "x", "the name stays")
        verify(!child("apiKeySecretDialog").opened)
    }

    function test_revokeAsksFirst() {
        mouseClick(child("revokeButton_k1"))
        const dialog = child("revokeKeyDialog")
        tryCompare(dialog, "opened", true)
        compare(child("revokeKeyDialogTitle").text, "Revoke “Backup script”?")
        mouseClick(child("revokeKeyDialogCancel"))
        tryCompare(dialog, "visible", false) // gone, with its modal overlay
        compare(settings.count("revokeApiKey"), 0)
        mouseClick(child("revokeButton_k1"))
        tryCompare(dialog, "opened", true)
        mouseClick(child("revokeKeyDialogConfirm"))
        compare(settings.last("revokeApiKey"), ["k1"])
    }

    function test_activity() {
        const newest = child("activity_2")
        compare(newest.kind, "api_key_created")
        compare(page.activityText("api_key_created"), "API key created")
        compare(page.activityText("video_deleted"), "Video deleted")
        compare(page.activityText("something_new"), "Something new")
    }

    // --- Signing out ------------------------------------------------------------

    function test_signOut() {
        mouseClick(child("settingsSignOutButton"))
        compare(auth.calls, ["signOut"])
    }

    function test_forgetDeviceAsksFirst() {
        library.pendingChanges = 3
        mouseClick(child("forgetDeviceButton"))
        const dialog = child("forgetDeviceDialog")
        tryCompare(dialog, "opened", true)
        verify(child("forgetDeviceDialogDescription").text.indexOf("3 changes haven’t synced yet and will be lost.") > 0)
        mouseClick(child("forgetDeviceDialogCancel"))
        tryCompare(dialog, "visible", false)
        compare(auth.calls, [])
        mouseClick(child("forgetDeviceButton"))
        tryCompare(dialog, "opened", true)
        mouseClick(child("forgetDeviceDialogConfirm"))
        compare(auth.calls, ["signOutAndForget"])
    }
}
