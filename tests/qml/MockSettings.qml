import QtQml
import ClipshelfMocks

// Stands in for clipshelf::SettingsController. Setters change the value at
// once (as the real controller shows changes optimistically) and record the
// call; tests emit the signals (apiKeyCreated, ...) themselves.
QtObject {
    id: mock

    property string displayName: "Ada Lovelace"
    property string email: "ada@example.com"
    property url avatarUrl
    property bool hasAvatar: avatarUrl.toString().length > 0
    property string theme: "system"
    property string language: "en"
    property bool emailDigest: false
    property bool productUpdates: false
    property bool securityAlerts: true
    property bool busy: false
    property string message
    property int pendingChanges: 0
    /// What prepareAvatar() answers.
    property var prepareResult: ({ "ok": true, "previewUrl": "", "width": 512, "height": 512, "bytes": 1000, "message": "" })

    property MockListModel apiKeys: MockListModel {
        roles: ["keyId", "name", "prefix", "createdAt", "lastUsedAt"]
    }
    property MockListModel activity: MockListModel {
        roles: ["eventId", "kind", "at", "detail"]
    }

    signal apiKeyCreated(string name, string secret)
    signal apiKeyFailed(string message)
    signal apiKeyRevoked(string id)
    signal saved()
    signal reloaded()

    property var calls: []

    function record(name, args) {
        calls = calls.concat([{ "name": name, "args": args || [] }])
    }
    function count(name) {
        return calls.filter(c => c.name === name).length
    }
    function last(name) {
        const found = calls.filter(c => c.name === name)
        return found.length > 0 ? found[found.length - 1].args : null
    }

    function reload() { record("reload") }
    function setDisplayName(name) {
        record("setDisplayName", [name])
        displayName = name
    }
    function setTheme(value) {
        record("setTheme", [value])
        theme = value
    }
    function setLanguage(value) {
        record("setLanguage", [value])
        language = value
    }
    function setNotification(key, on) {
        record("setNotification", [key, on])
        if (key === "email_digest") emailDigest = on
        else if (key === "product_updates") productUpdates = on
        else if (key === "security_alerts") securityAlerts = on
    }
    function prepareAvatar(fileUrl) {
        record("prepareAvatar", [fileUrl])
        return prepareResult
    }
    function uploadPreparedAvatar() { record("uploadPreparedAvatar") }
    function removeAvatar() {
        record("removeAvatar")
        avatarUrl = ""
    }
    function createApiKey(name) { record("createApiKey", [name]) }
    function revokeApiKey(id) { record("revokeApiKey", [id]) }
    function reloadActivity() { record("reloadActivity") }
    function clearMessage() {
        record("clearMessage")
        message = ""
    }
}
