import QtQuick
import QtTest
import Clipshelf

TestCase {
    id: testCase
    name: "HomePage"
    width: 960
    height: 640
    visible: true
    when: windowShown

    Component {
        id: mockComponent
        MockAuth {
            state: AuthController.SignedIn
            userName: "Ada Lovelace"
            email: "ada@example.com"
        }
    }

    Component {
        id: libraryComponent
        MockLibrary {}
    }

    Component {
        id: settingsComponent
        MockSettings {}
    }

    Component {
        id: pageComponent
        HomePage {
            width: testCase.width
            height: testCase.height
        }
    }

    function createPage(authProperties) {
        const auth = createTemporaryObject(mockComponent, testCase, authProperties || {})
        verify(auth, "mock auth")
        const page = createTemporaryObject(pageComponent, testCase, { "auth": auth })
        verify(page, "page")
        return page
    }

    function child(page, objectName) {
        const item = findChild(page, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function test_showsNameAndEmail() {
        const page = createPage()
        compare(child(page, "userNameLabel").text, "Ada Lovelace")
        compare(child(page, "emailLabel").text, "ada@example.com")
        verify(child(page, "userNameLabel").visible)
        verify(child(page, "emailLabel").visible)
        compare(child(page, "headerTitle").text, "Clipshelf")
    }

    function test_followsProfileChanges() {
        const page = createPage()
        page.auth.userName = "Grace Hopper"
        page.auth.email = "grace@example.com"
        compare(child(page, "userNameLabel").text, "Grace Hopper")
        compare(child(page, "emailLabel").text, "grace@example.com")
        compare(child(page, "avatarInitialsText").text, "GH")
    }

    function test_initialsWithoutPicture() {
        const page = createPage()
        const avatar = child(page, "avatar")
        verify(!avatar.hasPicture)
        verify(child(page, "avatarInitials").visible)
        verify(!child(page, "avatarPicture").visible)
        compare(child(page, "avatarInitialsText").text, "AL")
    }

    function test_initials_data() {
        return [
            { tag: "two words", name: "Ada Lovelace", email: "", initials: "AL" },
            { tag: "three words", name: "  Grace  Brewster Hopper ", email: "", initials: "GH" },
            { tag: "one word", name: "plato", email: "", initials: "P" },
            { tag: "accented", name: "élodie durand", email: "", initials: "ÉD" },
            { tag: "email only", name: "", email: "zoe@example.com", initials: "Z" },
            { tag: "nothing", name: "", email: "", initials: "?" },
        ]
    }

    function test_initials(data) {
        const page = createPage({ "userName": data.name, "email": data.email })
        compare(child(page, "avatarInitialsText").text, data.initials)
    }

    function test_pictureReplacesInitials() {
        const page = createPage({ "pictureUrl": Qt.resolvedUrl("data/avatar.png") })
        const avatar = child(page, "avatar")
        tryCompare(avatar, "hasPicture", true, 5000)
        verify(child(page, "avatarPicture").visible)
        verify(!child(page, "avatarInitials").visible)
    }

    function test_brokenPictureKeepsInitials() {
        ignoreWarning(new RegExp("Cannot open: .*does-not-exist\\.png"))
        const page = createPage({ "pictureUrl": Qt.resolvedUrl("data/does-not-exist.png") })
        const image = child(page, "avatarImage")
        tryCompare(image, "status", Image.Error, 5000)
        verify(child(page, "avatarInitials").visible)
        compare(child(page, "avatarInitialsText").text, "AL")
    }

    function test_emptyNameHidesLabel() {
        const page = createPage({ "userName": "" })
        verify(!child(page, "userNameLabel").visible)
        compare(child(page, "emailLabel").text, "ada@example.com")
    }

    function test_signOut() {
        const page = createPage()
        const button = child(page, "signOutButton")
        compare(button.text, "Sign out")
        verify(button.visible)
        verify(button.enabled)
        mouseClick(button)
        compare(page.auth.calls, ["signOut"])
    }

    function test_signingOut() {
        const page = createPage({ "state": AuthController.SigningOut })
        const button = child(page, "signOutButton")
        compare(button.text, "Signing out…")
        verify(!button.enabled)
        mouseClick(button)
        compare(page.auth.calls, [])
    }

    function test_libraryPlaceholder() {
        const page = createPage()
        verify(child(page, "contentArea").visible)
        const placeholder = child(page, "libraryPlaceholder")
        verify(placeholder.visible)
        compare(child(page, "libraryPlaceholderTitle").text, "Your library will appear here")
    }

    function test_keychainWarning() {
        const page = createPage()
        const banner = child(page, "homeWarningBanner")
        verify(!banner.visible)
        page.auth.keychainWarning = "No Secret Service is running, so your sign-in is kept in memory and ends when Clipshelf closes."
        verify(banner.visible)
        compare(banner.text, "No Secret Service is running, so your sign-in is kept in memory and ends when Clipshelf closes.")

        // In a small window the banner keeps its full height and pushes the placeholder down.
        page.width = 640
        page.height = 480
        waitForRendering(page)
        compare(banner.height, banner.implicitHeight)
        const placeholder = child(page, "libraryPlaceholder")
        const bannerBottom = banner.mapToItem(page, 0, banner.height).y
        verify(placeholder.mapToItem(page, 0, 0).y >= bannerBottom,
               "placeholder overlaps the banner")
    }

    function test_narrowWindow() {
        const page = createPage({ "userName": "Maximilian Alexander von Humboldt-Wittgenstein",
                                  "email": "maximilian.alexander.humboldt@very-long-domain.example.com" })
        page.width = 640
        const button = child(page, "signOutButton")
        const header = child(page, "homeHeader")
        waitForRendering(page)
        verify(child(page, "userNameLabel").truncated)
        verify(button.mapToItem(header, 0, 0).x + button.width <= header.width)
    }

    function createShell() {
        const auth = createTemporaryObject(mockComponent, testCase)
        const library = createTemporaryObject(libraryComponent, testCase)
        const settings = createTemporaryObject(settingsComponent, testCase)
        library.addRow({ "videoId": 1, "title": "One" })
        const page = createTemporaryObject(pageComponent, testCase,
                                           { "auth": auth, "library": library, "settings": settings })
        verify(page)
        return page
    }

    function test_placeholderOnlyWithoutLibrary() {
        const page = createShell()
        verify(!child(page, "libraryPlaceholder").visible)
        verify(child(page, "libraryPage").visible)
        verify(child(page, "navigation").visible)
    }

    function test_navigation() {
        const page = createShell()
        compare(page.section, "library")
        verify(child(page, "navLibrary").current)
        mouseClick(child(page, "navSettings"))
        compare(page.section, "settings")
        verify(child(page, "navSettings").current)
        const settingsArea = child(page, "settingsArea")
        verify(settingsArea.visible)
        tryVerify(() => settingsArea.item !== null)
        compare(settingsArea.item.objectName, "settingsPage")
        verify(!child(page, "libraryArea").visible)
        compare(page.settings.count("reload"), 1)
        mouseClick(child(page, "navLibrary"))
        verify(child(page, "libraryArea").visible)
        verify(!settingsArea.visible)
        // Going back keeps the settings page (and does not reload again).
        mouseClick(child(page, "navSettings"))
        compare(page.settings.count("reload"), 1)
    }

    function test_navigationShortcuts() {
        const page = createShell()
        page.forceActiveFocus()
        keySequence("Ctrl+2")
        compare(page.section, "settings")
        keySequence("Ctrl+1")
        compare(page.section, "library")
    }

    function test_displayNameFromSettings() {
        const page = createShell()
        compare(child(page, "userNameLabel").text, "Ada Lovelace")
        page.settings.displayName = "Countess of Lovelace"
        compare(child(page, "userNameLabel").text, "Countess of Lovelace")
    }

    function test_otherUsersChangesAsk_data() {
        return [
            { tag: "keep", button: "keepOutboxButton", call: "keepOutbox" },
            { tag: "discard", button: "discardOutboxButton", call: "discardOutbox" },
        ]
    }

    function test_otherUsersChangesAsk(data) {
        const page = createShell()
        const dialog = child(page, "otherUserDialog")
        verify(!dialog.opened)
        page.library.otherUserChanges = 3
        page.library.outboxBelongsToOtherUser = true
        tryCompare(dialog, "opened", true)
        verify(child(page, "otherUserDialogDescription").text.indexOf("3 changes") > 0)
        // Only an answer closes it.
        keyClick(Qt.Key_Escape)
        verify(dialog.opened)
        mouseClick(child(page, data.button))
        compare(page.library.count(data.call), 1)
        tryCompare(dialog, "opened", false)
    }
}
