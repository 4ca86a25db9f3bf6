import QtQuick
import QtTest
import Clipshelf

TestCase {
    id: testCase
    name: "Main"
    when: windowShown

    Component {
        id: mockComponent
        MockAuth {}
    }

    Component {
        id: mainComponent
        Main {}
    }

    Component {
        id: settingsComponent
        MockSettings {}
    }

    Component {
        id: libraryComponent
        MockLibrary {}
    }

    function cleanup() {
        // App is one instance for every test: leave it in English.
        App.language = ""
        Theme.dark = App.darkMode
    }

    function test_switchesPagesByState() {
        const auth = createTemporaryObject(mockComponent, testCase,
                                           { "state": AuthController.Restoring })
        const window = createTemporaryObject(mainComponent, testCase, { "auth": auth })
        verify(window)
        compare(window.title, "Clipshelf")
        verify(window.minimumWidth >= 640 && window.minimumHeight >= 480)
        const loader = findChild(window.contentItem, "pageLoader")
        verify(loader)
        compare(loader.item.objectName, "signInPage")

        auth.state = AuthController.SignedOut
        compare(loader.item.objectName, "signInPage")
        auth.state = AuthController.SignedIn
        compare(loader.item.objectName, "homePage")
        auth.state = AuthController.SigningOut
        compare(loader.item.objectName, "homePage")
        auth.state = AuthController.SignedOut
        compare(loader.item.objectName, "signInPage")
        compare(loader.item.auth, auth)
    }

    function test_showsACachedLibraryWhileRestoring() {
        const auth = createTemporaryObject(mockComponent, testCase, { "state": AuthController.Restoring })
        const library = createTemporaryObject(libraryComponent, testCase, { "showsCachedLibrary": true })
        const window = createTemporaryObject(mainComponent, testCase, { "auth": auth, "library": library })
        const loader = findChild(window.contentItem, "pageLoader")
        // A known user's cached library shows at once, without the sign-in page first.
        compare(loader.item.objectName, "homePage")
        compare(loader.item.library, library)
        compare(loader.item.opacity, 1)   // the first page does not fade in
        // The keychain confirms the session: the same page stays.
        const page = loader.item
        auth.state = AuthController.SignedIn
        compare(loader.item, page)
        // Or says nobody is signed in: the sign-in page; the library is not asked to forget anything.
        auth.state = AuthController.Restoring
        compare(loader.item, page)
        auth.state = AuthController.SignedOut
        compare(loader.item.objectName, "signInPage")
        compare(library.count("forgetLocalData"), 0)
        compare(library.count("discardOutbox"), 0)
    }

    function test_restoringWithoutACacheShowsTheSignInPage() {
        const auth = createTemporaryObject(mockComponent, testCase, { "state": AuthController.Restoring })
        const library = createTemporaryObject(libraryComponent, testCase)
        const window = createTemporaryObject(mainComponent, testCase, { "auth": auth, "library": library })
        const loader = findChild(window.contentItem, "pageLoader")
        compare(loader.item.objectName, "signInPage")
        library.showsCachedLibrary = true   // e.g. a signed-in user's library, once restored
        compare(loader.item.objectName, "homePage")
    }

    function test_pagesFollowReplacedControllers() {
        const auth = createTemporaryObject(mockComponent, testCase, { "state": AuthController.SignedIn })
        const window = createTemporaryObject(mainComponent, testCase, { "auth": auth })
        const loader = findChild(window.contentItem, "pageLoader")
        compare(loader.item.objectName, "homePage")
        compare(loader.item.library, null)
        const library = createTemporaryObject(libraryComponent, testCase)
        window.library = library
        compare(loader.item.library, library)
        const other = createTemporaryObject(mockComponent, testCase, { "state": AuthController.SignedIn })
        window.auth = other
        compare(loader.item.auth, other)
    }

    function test_themeFollowsApp() {
        // tst_qml.cpp forces CLIPSHELF_THEME=light.
        compare(App.darkMode, false)
        const window = createTemporaryObject(mainComponent, testCase,
                                             { "auth": createTemporaryObject(mockComponent, testCase) })
        verify(window)
        compare(Theme.dark, false)
        compare(window.color, Theme.window)
    }

    function test_appIsTheInstanceSetByMain() {
        compare(App.objectName, "appSetByMain")
        compare(App.auth, null)
        verify(App.version.length > 0)
        verify(App.qtVersion.length > 0)
    }

    function test_themeFollowsSettings() {
        const settings = createTemporaryObject(settingsComponent, testCase)
        const window = createTemporaryObject(mainComponent, testCase,
                                             { "auth": createTemporaryObject(mockComponent, testCase),
                                               "settings": settings })
        compare(Theme.dark, false)
        settings.theme = "dark"
        compare(Theme.dark, true)
        compare(window.color, Theme.window)
        settings.theme = "light"
        compare(Theme.dark, false)
        settings.theme = "system"
        compare(Theme.dark, App.darkMode)
    }

    function test_languageAppliesAtOnce() {
        const settings = createTemporaryObject(settingsComponent, testCase)
        const auth = createTemporaryObject(mockComponent, testCase, { "state": AuthController.SignedIn })
        const library = createTemporaryObject(libraryComponent, testCase)
        const window = createTemporaryObject(mainComponent, testCase,
                                             { "auth": auth, "settings": settings, "library": library })
        const loader = findChild(window.contentItem, "pageLoader")
        const title = findChild(loader.item, "libraryTitle")
        compare(title.text, "Library")
        settings.language = "de"
        compare(App.language, "de")
        tryCompare(title, "text", "Bibliothek")
        compare(findChild(loader.item, "noVideosStateTitle").text, "Noch keine Videos")
        compare(findChild(loader.item, "navSettings").text, "Einstellungen")
        settings.language = "en"
        tryCompare(title, "text", "Library")
    }

    function test_unknownLanguageIsEnglish() {
        App.language = "fr"
        compare(App.language, "en")
        App.language = "de-AT"
        compare(App.language, "de")
    }
}
