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
}
