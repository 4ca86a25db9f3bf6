import QtQuick
import QtTest
import Clipshelf

// The home page's storage warning (App.storageWarning, i.e. the Workspace's):
// a warning banner while changes cannot be stored on this computer, nothing
// otherwise; below the keychain warning when both show; in German too.
TestCase {
    id: testCase
    name: "StorageWarning"
    width: 960
    height: 640
    visible: true
    when: windowShown

    readonly property string warning: "Clipshelf cannot store changes on this computer (Driver not loaded), "
                                      + "so it keeps them in memory only: changes that haven’t synced yet "
                                      + "are lost when Clipshelf closes or the computer restarts."

    Component {
        id: authComponent
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

    function cleanup() {
        // App is one instance for every test: leave it in English.
        App.language = ""
    }

    function createPage(properties) {
        const auth = createTemporaryObject(authComponent, testCase)
        const library = createTemporaryObject(libraryComponent, testCase)
        const settings = createTemporaryObject(settingsComponent, testCase)
        verify(auth && library && settings, "mocks")
        const page = createTemporaryObject(pageComponent, testCase,
                                           Object.assign({ "auth": auth, "library": library, "settings": settings },
                                                         properties || {}))
        verify(page, "page")
        return page
    }

    function child(parent, objectName) {
        const item = findChild(parent, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    function topOf(page, item) {
        return item.mapToItem(page, 0, 0).y
    }

    function bottomOf(page, item) {
        return item.mapToItem(page, 0, item.height).y
    }

    function test_absentWithoutWarning() {
        const page = createPage()
        // App has no workspace here: no warning.
        compare(page.storageWarning, "")
        const banner = child(page, "storageWarningBanner")
        verify(!banner.visible)
        compare(topOf(page, child(page, "libraryArea")), topOf(page, child(page, "contentArea")))
    }

    function test_showsWarning() {
        const page = createPage({ "storageWarning": testCase.warning })
        const banner = child(page, "storageWarningBanner")
        verify(banner.visible)
        compare(banner.kind, "warning")
        compare(child(page, "storageWarningBannerTitle").text, "Unsynced changes won’t survive a restart")
        compare(child(page, "storageWarningBannerText").text, testCase.warning)
        compare(banner.Accessible.name, "Unsynced changes won’t survive a restart. " + testCase.warning)
        waitForRendering(page)
        compare(banner.height, banner.implicitHeight)
        // The library starts below it, and the keychain banner stays hidden.
        verify(topOf(page, child(page, "libraryArea")) >= bottomOf(page, banner), "library overlaps the banner")
        verify(!child(page, "homeWarningBanner").visible)

        // Cleared (e.g. never set by the app): gone, the library moves up.
        page.storageWarning = ""
        verify(!banner.visible)
        compare(topOf(page, child(page, "libraryArea")), topOf(page, child(page, "contentArea")))
    }

    function test_belowKeychainWarning() {
        const page = createPage({ "storageWarning": testCase.warning })
        page.auth.keychainWarning = "No Secret Service is running, so your sign-in is kept in memory and ends when Clipshelf closes."
        const keychainBanner = child(page, "homeWarningBanner")
        const storageBanner = child(page, "storageWarningBanner")
        verify(keychainBanner.visible)
        verify(storageBanner.visible)
        // A small window: both keep their full height, one below the other, then the content.
        page.width = 640
        page.height = 480
        waitForRendering(page)
        compare(storageBanner.height, storageBanner.implicitHeight)
        verify(topOf(page, storageBanner) >= bottomOf(page, keychainBanner), "the banners overlap")
        verify(topOf(page, child(page, "libraryArea")) >= bottomOf(page, storageBanner), "library overlaps the banner")

        mouseClick(child(page, "navSettings"))
        const settingsArea = child(page, "settingsArea")
        verify(settingsArea.visible)
        verify(topOf(page, settingsArea) >= bottomOf(page, storageBanner), "settings overlap the banner")
    }

    function test_german() {
        const page = createPage({ "storageWarning": testCase.warning })
        const title = child(page, "storageWarningBannerTitle")
        compare(title.text, "Unsynced changes won’t survive a restart")
        App.language = "de"
        tryCompare(title, "text", "Nicht synchronisierte Änderungen gehen bei einem Neustart verloren")
        App.language = "en"
        tryCompare(title, "text", "Unsynced changes won’t survive a restart")
    }
}
