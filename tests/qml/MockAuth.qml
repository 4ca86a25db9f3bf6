import QtQml
import Clipshelf

// Stands in for clipshelf::AuthController: the same properties, and functions
// that record their calls in `calls` instead of doing anything.
QtObject {
    property int state: AuthController.SignedOut
    property bool signedIn: state === AuthController.SignedIn
    property string providerName: "Acme ID"
    property string errorMessage
    property string keychainWarning
    property url authorizationUrl: "https://id.example.com/authorize?client_id=clipshelf"
    property int secondsLeft: 300
    property string userName
    property string email
    property url pictureUrl
    /// Stands in for the SessionManager when a test or preview gives one (connectionState, reconnectInSeconds).
    property QtObject sessions: null

    /// Names of the functions called, in order.
    property var calls: []

    function record(name) {
        calls = calls.concat([name])
    }
    function count(name) {
        return calls.filter(c => c === name).length
    }

    function signIn() { record("signIn") }
    function cancel() { record("cancel") }
    function openBrowserAgain() { record("openBrowserAgain") }
    function copyLinkToClipboard() { record("copyLinkToClipboard") }
    function signOut() { record("signOut") }
    function signOutAndForget() { record("signOutAndForget") }
    function restore() { record("restore") }
}
