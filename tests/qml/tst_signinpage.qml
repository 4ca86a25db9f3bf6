import QtQuick
import QtTest
import Clipshelf

TestCase {
    id: testCase
    name: "SignInPage"
    width: 960
    height: 640
    visible: true
    when: windowShown

    Component {
        id: mockComponent
        MockAuth {}
    }

    Component {
        id: pageComponent
        SignInPage {
            width: testCase.width
            height: testCase.height
        }
    }

    function createPage(authProperties, pageProperties) {
        const auth = createTemporaryObject(mockComponent, testCase, authProperties || {})
        verify(auth, "mock auth")
        const props = Object.assign({ "auth": auth }, pageProperties || {})
        const page = createTemporaryObject(pageComponent, testCase, props)
        verify(page, "page")
        // The component binds the size to the test window: assign explicitly to override.
        if (props.width !== undefined)
            page.width = props.width
        if (props.height !== undefined)
            page.height = props.height
        return page
    }

    function child(page, objectName) {
        const item = findChild(page, objectName)
        verify(item, "no item named " + objectName)
        return item
    }

    // --- Signed out ---------------------------------------------------------

    function test_signedOut_showsBrandAndCallToAction() {
        const page = createPage({ "state": AuthController.SignedOut })
        compare(child(page, "titleLabel").text, "Clipshelf")
        compare(child(page, "taglineLabel").text, "Your saved videos, on every desktop")
        verify(child(page, "appIcon").visible)

        const button = child(page, "signInButton")
        compare(button.text, "Sign in with Acme ID")
        verify(button.visible)
        verify(button.enabled)
        verify(child(page, "signInNote").visible)
        verify(child(page, "signInNoteText").text.indexOf("browser") >= 0)

        verify(!child(page, "waitingArea").visible)
        verify(!child(page, "workingArea").visible)
        verify(!child(page, "errorBanner").visible)
        verify(!child(page, "warningBanner").visible)
    }

    function test_signedOut_withoutProviderName() {
        const page = createPage({ "providerName": "" })
        compare(child(page, "signInButton").text, "Sign in")
    }

    function test_signInButton_callsSignIn() {
        const page = createPage()
        const button = child(page, "signInButton")
        mouseClick(button)
        compare(page.auth.calls, ["signIn"])
    }

    function test_signInButton_keyboard() {
        const page = createPage()
        const button = child(page, "signInButton")
        button.forceActiveFocus()
        keyClick(Qt.Key_Return)
        keyClick(Qt.Key_Space)
        compare(page.auth.count("signIn"), 2)
    }

    function test_withoutAuth_signInIsDisabled() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        verify(!child(page, "signInButton").enabled)
    }

    // --- Restoring and progress ----------------------------------------------

    function test_progress_data() {
        return [
            { tag: "restoring", state: AuthController.Restoring, text: "Restoring your session…" },
            { tag: "discovering", state: AuthController.Discovering, text: "Contacting Acme ID…" },
            { tag: "completing", state: AuthController.CompletingSignIn, text: "Finishing sign-in…" },
        ]
    }

    function test_progress(data) {
        const page = createPage({ "state": data.state })
        verify(child(page, "workingArea").visible)
        verify(child(page, "workingSpinner").visible)
        compare(child(page, "statusLabel").text, data.text)
        verify(!child(page, "signInButton").visible)
        verify(!child(page, "waitingArea").visible)
        verify(!child(page, "cancelButton").visible)
    }

    function test_discovering_withoutProviderName() {
        const page = createPage({ "state": AuthController.Discovering, "providerName": "" })
        compare(child(page, "statusLabel").text, "Contacting your sign-in provider…")
    }

    // --- Waiting for the browser ---------------------------------------------

    function test_waiting_showsWaitingState() {
        const page = createPage({ "state": AuthController.WaitingForBrowser, "secondsLeft": 299 })
        verify(child(page, "waitingArea").visible)
        verify(child(page, "waitingSpinner").visible)
        compare(child(page, "waitingTitle").text, "Finish signing in in your browser")
        compare(child(page, "countdownLabel").text, "Waiting… 4:59 left")
        verify(child(page, "waitingHint").text.indexOf("Acme ID") >= 0)

        for (const name of ["cancelButton", "openBrowserAgainButton", "copyLinkButton"]) {
            const button = child(page, name)
            verify(button.visible, name)
            verify(button.enabled, name)
        }
        compare(child(page, "cancelButton").text, "Cancel")
        compare(child(page, "openBrowserAgainButton").text, "Open the browser again")
        compare(child(page, "copyLinkButton").text, "Copy link")

        verify(!child(page, "signInButton").visible)
        verify(!child(page, "workingArea").visible)
    }

    function test_waiting_cancel() {
        const page = createPage({ "state": AuthController.WaitingForBrowser })
        mouseClick(child(page, "cancelButton"))
        compare(page.auth.calls, ["cancel"])
    }

    function test_waiting_escapeCancels() {
        const page = createPage({ "state": AuthController.WaitingForBrowser })
        page.forceActiveFocus()
        keyClick(Qt.Key_Escape)
        compare(page.auth.calls, ["cancel"])
    }

    function test_keyboardFocusFollowsTheStep() {
        const page = createPage()
        page.forceActiveFocus()
        verify(child(page, "signInButton").activeFocus)
        page.auth.state = AuthController.WaitingForBrowser
        verify(child(page, "openBrowserAgainButton").activeFocus)
        keyClick(Qt.Key_Return)
        compare(page.auth.calls, ["openBrowserAgain"])
        page.auth.state = AuthController.SignedOut
        verify(child(page, "signInButton").activeFocus)
    }

    function test_waiting_openBrowserAgain() {
        const page = createPage({ "state": AuthController.WaitingForBrowser })
        mouseClick(child(page, "openBrowserAgainButton"))
        compare(page.auth.calls, ["openBrowserAgain"])
    }

    function test_waiting_copyLink() {
        const page = createPage({ "state": AuthController.WaitingForBrowser },
                                { "linkCopiedDuration": 150 })
        const button = child(page, "copyLinkButton")
        const widthBefore = button.width
        mouseClick(button)
        compare(page.auth.calls, ["copyLinkToClipboard"])
        compare(button.text, "Link copied")
        compare(button.width, widthBefore)   // no jump when the text changes
        tryCompare(button, "text", "Copy link", 2000)
    }

    function test_countdown_data() {
        return [
            { tag: "5 minutes", seconds: 300, text: "Waiting… 5:00 left" },
            { tag: "4:59", seconds: 299, text: "Waiting… 4:59 left" },
            { tag: "one minute", seconds: 60, text: "Waiting… 1:00 left" },
            { tag: "under a minute", seconds: 59, text: "Waiting… 0:59 left" },
            { tag: "single digit", seconds: 7, text: "Waiting… 0:07 left" },
            { tag: "zero", seconds: 0, text: "Waiting… 0:00 left" },
            { tag: "negative", seconds: -4, text: "Waiting… 0:00 left" },
            { tag: "an hour", seconds: 3600, text: "Waiting… 60:00 left" },
        ]
    }

    function test_countdown(data) {
        const page = createPage({ "state": AuthController.WaitingForBrowser,
                                  "secondsLeft": data.seconds })
        compare(child(page, "countdownLabel").text, data.text)
    }

    function test_countdown_followsSecondsLeft() {
        const page = createPage({ "state": AuthController.WaitingForBrowser, "secondsLeft": 121 })
        const label = child(page, "countdownLabel")
        compare(label.text, "Waiting… 2:01 left")
        page.auth.secondsLeft = 120
        compare(label.text, "Waiting… 2:00 left")
    }

    function test_formatCountdown() {
        const page = createPage()
        compare(page.formatCountdown(65), "1:05")
        compare(page.formatCountdown(59.9), "0:59")
    }

    // --- Messages -------------------------------------------------------------

    function test_errorBanner() {
        const page = createPage()
        const banner = child(page, "errorBanner")
        verify(!banner.visible)
        page.auth.errorMessage = "The sign-in page did not answer in time."
        verify(banner.visible)
        compare(banner.text, "The sign-in page did not answer in time.")
        compare(child(page, "errorBannerText").text, "The sign-in page did not answer in time.")
        verify(child(page, "signInButton").visible)   // the person can try again
        page.auth.errorMessage = ""
        verify(!banner.visible)
    }

    function test_warningBanner() {
        const warning = "No Secret Service is running: your sign-in is kept in memory for this run only."
        const page = createPage({ "keychainWarning": warning })
        const banner = child(page, "warningBanner")
        verify(banner.visible)
        compare(banner.text, warning)
        compare(child(page, "warningBannerText").text, warning)
        verify(!child(page, "errorBanner").visible)
    }

    function test_bothBanners() {
        const page = createPage({ "errorMessage": "Sign-in was cancelled.",
                                  "keychainWarning": "No keychain." })
        const error = child(page, "errorBanner")
        const warning = child(page, "warningBanner")
        verify(error.visible && warning.visible)
        verify(warning.y >= error.y + error.height)
    }

    // --- Transitions ------------------------------------------------------------

    function test_followsStateChanges() {
        const page = createPage()
        verify(child(page, "signInButton").visible)
        page.auth.state = AuthController.Discovering
        verify(!child(page, "signInButton").visible)
        page.auth.state = AuthController.WaitingForBrowser
        verify(child(page, "waitingArea").visible)
        page.auth.state = AuthController.CompletingSignIn
        verify(!child(page, "waitingArea").visible)
        compare(child(page, "statusLabel").text, "Finishing sign-in…")
        page.auth.state = AuthController.SignedOut
        verify(child(page, "signInButton").visible)
    }

    function test_versionLabel() {
        let page = createPage({}, { "version": "1.2.3" })
        verify(child(page, "versionLabel").visible)
        compare(child(page, "versionLabel").text, "Version 1.2.3")
        page = createPage()
        verify(!child(page, "versionLabel").visible)
    }

    function test_smallWindow_waitingFitsWithoutScrolling() {
        const page = createPage({ "state": AuthController.WaitingForBrowser },
                                { "width": 640, "height": 480, "version": "1.0" })
        waitForRendering(page)
        const card = child(page, "signInCard")
        tryVerify(() => card.y >= 0 && card.y + card.height <= page.height, 2000,
                  "card " + card.y + "+" + card.height + " in " + page.height)
        verify(page.compact)
        verify(!child(page, "versionLabel").visible)
    }

    function test_smallWindow_contentFits() {
        const page = createPage({ "state": AuthController.WaitingForBrowser,
                                  "errorMessage": "Something went wrong.",
                                  "keychainWarning": "No keychain." },
                                { "width": 640, "height": 480 })
        const card = child(page, "signInCard")
        verify(card.width <= 640)
        verify(card.x >= 0)
    }
}
