import QtQuick
import QtTest
import Clipshelf

// ConnectionIndicator: the words for each connection state, the countdown to
// the next automatic attempt, its place on the home page, and that a transient
// failure never takes the window to the sign-in page.
TestCase {
    id: testCase
    name: "ConnectionIndicator"
    width: 960
    height: 640
    visible: true
    when: windowShown

    // Stands in for clipshelf::SessionManager (App.auth.sessions).
    Component {
        id: sessionsComponent
        QtObject {
            property int connectionState: SessionManager.Online
            property int reconnectInSeconds: 0
        }
    }
    Component {
        id: indicatorComponent
        ConnectionIndicator {}
    }
    Component {
        id: authComponent
        MockAuth {
            state: AuthController.SignedIn
            userName: "Ada Lovelace"
            email: "ada@example.com"
        }
    }
    Component {
        id: homeComponent
        HomePage {
            width: testCase.width
            height: testCase.height
        }
    }
    Component {
        id: mainComponent
        Main {}
    }

    function makeSessions(properties) {
        const sessions = createTemporaryObject(sessionsComponent, testCase, properties || {})
        verify(sessions)
        return sessions
    }
    function makeIndicator(sessions) {
        const indicator = createTemporaryObject(indicatorComponent, testCase, { "sessions": sessions })
        verify(indicator)
        return indicator
    }
    function child(item, objectName) {
        const found = findChild(item, objectName)
        verify(found, "no item named " + objectName)
        return found
    }

    function test_withoutSessionsItSaysOnline() {
        const indicator = makeIndicator(null)
        compare(indicator.connectionState, SessionManager.Online)
        compare(child(indicator, "connectionLabel").text, "Online")
        verify(child(indicator, "connectionDot").visible)
        verify(!child(indicator, "connectionIcon").visible)
    }

    function test_wordsForEachState_data() {
        return [
            { tag: "online", state: SessionManager.Online, seconds: 0, label: "Online", dot: true },
            { tag: "reconnecting now", state: SessionManager.Reconnecting, seconds: 0,
              label: "Reconnecting…", dot: true },
            { tag: "reconnecting later", state: SessionManager.Reconnecting, seconds: 8,
              label: "Reconnecting in 8 s", dot: true },
            { tag: "offline", state: SessionManager.Offline, seconds: 0, label: "Offline", dot: false },
            { tag: "offline, retrying", state: SessionManager.Offline, seconds: 30,
              label: "Offline · retrying in 30 s", dot: false },
            { tag: "session ended", state: SessionManager.SessionEnded, seconds: 0,
              label: "Session ended", dot: false },
        ]
    }
    function test_wordsForEachState(data) {
        const indicator = makeIndicator(makeSessions({ "connectionState": data.state,
                                                       "reconnectInSeconds": data.seconds }))
        compare(child(indicator, "connectionLabel").text, data.label)
        compare(indicator.Accessible.name, data.label)
        verify(indicator.explanation.length > 0)
        compare(child(indicator, "connectionDot").visible, data.dot)
        compare(child(indicator, "connectionIcon").visible, !data.dot)
        if (data.state === SessionManager.SessionEnded)
            compare(indicator.explanation, "Your session has ended — please sign in again.")
        else
            verify(indicator.explanation.indexOf("sign in") < 0, "a transient state asks to sign in")
    }

    function test_followsTheSessionManager() {
        const sessions = makeSessions()
        const indicator = makeIndicator(sessions)
        compare(child(indicator, "connectionLabel").text, "Online")
        sessions.reconnectInSeconds = 4
        sessions.connectionState = SessionManager.Offline
        compare(child(indicator, "connectionLabel").text, "Offline · retrying in 4 s")
        sessions.reconnectInSeconds = 0
        sessions.connectionState = SessionManager.Online
        compare(child(indicator, "connectionLabel").text, "Online")
    }

    function test_countsDownToTheNextAttempt() {
        const sessions = makeSessions({ "connectionState": SessionManager.Reconnecting, "reconnectInSeconds": 2 })
        const indicator = makeIndicator(sessions)
        const label = child(indicator, "connectionLabel")
        compare(label.text, "Reconnecting in 2 s")
        tryCompare(label, "text", "Reconnecting in 1 s", 3000)
        tryCompare(label, "text", "Reconnecting…", 3000)
        verify(!child(indicator, "connectionCountdown").running)
        // A new backoff (a new value while still reconnecting) restarts the countdown.
        sessions.reconnectInSeconds = 5
        compare(label.text, "Reconnecting in 5 s")
    }

    function test_homePageShowsItInTheHeader() {
        const sessions = makeSessions({ "connectionState": SessionManager.Offline, "reconnectInSeconds": 12 })
        const auth = createTemporaryObject(authComponent, testCase, { "sessions": sessions })
        const page = createTemporaryObject(homeComponent, testCase, { "auth": auth })
        verify(page)
        const indicator = child(page, "connectionIndicator")
        compare(indicator.sessions, sessions)
        compare(child(indicator, "connectionLabel").text, "Offline · retrying in 12 s")
        verify(indicator.visible)
        // In the header, left of the avatar, not over the content.
        const header = child(page, "homeHeader")
        const inHeader = indicator.mapToItem(header, 0, 0)
        verify(inHeader.y >= 0 && inHeader.y + indicator.height <= header.height)
        verify(inHeader.x + indicator.width <= child(page, "avatar").mapToItem(header, 0, 0).x)
    }

    function test_homePageWithoutSessionsStillWorks() {
        // MockAuth without sessions (as in the other page tests).
        const auth = createTemporaryObject(authComponent, testCase)
        const page = createTemporaryObject(homeComponent, testCase, { "auth": auth })
        compare(child(child(page, "connectionIndicator"), "connectionLabel").text, "Online")
    }

    function test_transientFailuresNeverShowTheSignInPage() {
        const sessions = makeSessions()
        const auth = createTemporaryObject(authComponent, testCase, { "sessions": sessions })
        const window = createTemporaryObject(mainComponent, testCase, { "auth": auth })
        verify(window)
        const loader = child(window.contentItem, "pageLoader")
        compare(loader.item.objectName, "homePage")
        for (const state of [SessionManager.Reconnecting, SessionManager.Offline, SessionManager.Online]) {
            sessions.reconnectInSeconds = state === SessionManager.Online ? 0 : 7
            sessions.connectionState = state
            compare(loader.item.objectName, "homePage")
            compare(auth.count("signIn"), 0)
        }
        compare(child(loader.item, "connectionLabel").text, "Online")
    }
}
