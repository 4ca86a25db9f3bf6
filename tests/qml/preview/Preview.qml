import QtQuick
import Clipshelf
import ".."

// The real main window with mocks in one state, for screenshots.
// scene: signin | restoring | discovering | completing | waiting | error | nokeychain |
//        home | home-picture | home-nokeychain | signingout |
//        library | library-pending | library-loading | library-empty | library-nomatch |
//        library-search | library-large | add | add-invalid | add-duplicate | add-error |
//        edit | undo | other-user | settings | settings-secret | settings-revoke |
//        settings-message | settings-forget |
//        library-reconnecting | library-offline | library-ended (the connection indicator) |
//        library-restoring (a warm start: the cached library while the keychain answers) |
//        library-notices (App.notices: a refused certificate as a banner, a wait as a toast)
Main {
    id: preview

    property string scene: "signin"
    property url pictureUrl
    /// "en" or "de".
    property string uiLanguage: "en"

    readonly property bool signedIn: scene.indexOf("home") === 0 || scene.indexOf("library") === 0
                                     || scene.indexOf("add") === 0 || scene.indexOf("settings") === 0
                                     || scene === "edit" || scene === "undo" || scene === "other-user"
    readonly property bool withControllers: signedIn && scene.indexOf("home") !== 0

    auth: mockAuth
    library: withControllers ? mockLibrary : null
    settings: withControllers ? mockSettings : null

    MockAuth {
        id: mockAuth
        providerName: "Acme ID"
        secondsLeft: 287
        state: {
            switch (preview.scene) {
            case "restoring": return AuthController.Restoring
            case "discovering": return AuthController.Discovering
            case "completing": return AuthController.CompletingSignIn
            case "waiting": return AuthController.WaitingForBrowser
            case "signingout": return AuthController.SigningOut
            case "library-restoring": return AuthController.Restoring
            }
            return preview.signedIn ? AuthController.SignedIn : AuthController.SignedOut
        }
        errorMessage: preview.scene === "error"
                      ? "The sign-in page didn’t answer within 5 minutes. Try again when you’re ready."
                      : ""
        keychainWarning: preview.scene === "nokeychain" || preview.scene === "home-nokeychain"
                         ? "No Secret Service is running, so your sign-in is kept in memory and ends when Clipshelf closes."
                         : ""
        userName: "Ada Lovelace"
        email: "ada.lovelace@example.com"
        pictureUrl: preview.scene === "home-picture" ? preview.pictureUrl : ""
        sessions: mockSessions
    }

    // The SessionManager's connection state for the connection indicator.
    QtObject {
        id: mockSessions
        property int connectionState: {
            switch (preview.scene) {
            case "library-reconnecting": return SessionManager.Reconnecting
            case "library-offline": return SessionManager.Offline
            case "library-ended": return SessionManager.SessionEnded
            }
            return SessionManager.Online
        }
        property int reconnectInSeconds: preview.scene === "library-reconnecting" ? 4
                                         : preview.scene === "library-offline" ? 16 : 0
    }

    MockLibrary {
        id: mockLibrary
        // A warm start: the cached library shows while the keychain answers.
        showsCachedLibrary: preview.scene === "library-restoring"
    }

    MockSettings {
        id: mockSettings
        language: preview.uiLanguage
        email: "ada.lovelace@example.com"
        emailDigest: true
        securityAlerts: true
    }

    readonly property var sampleVideos: [
        ["Designing calm interfaces — a talk on restraint", ["design", "talks"], "Rewatch the part about empty states.", 0],
        ["Qt Quick performance: delegates, bindings and the scene graph", ["qt", "performance"], "", 0.1],
        ["How to make perfect sourdough at home", ["cooking", "weekend"], "Starter ratio 1:5:5, bulk 5 h.", 1],
        ["", ["later"], "", 1.2],
        ["The sound of the Baroque: Bach’s Cello Suite No. 1", ["music", "classical"], "", 2],
        ["Typography for developers in 20 minutes", ["design"], "Vertical rhythm, measure, scale.", 3],
        ["Understanding OAuth 2.0 and PKCE", ["security", "talks"], "", 4],
        ["A walk through Kyoto in the rain (4K)", ["travel", "relax"], "", 5],
        ["Rust vs C++: what really matters", ["programming", "talks"], "", 6],
        ["Lo-fi beats to code to", ["music", "relax"], "", 8],
        ["Building a keyboard-first desktop app", ["qt", "design"], "Arrows, Enter, Delete with undo.", 9],
        ["Knife skills: the only three cuts you need", ["cooking"], "", 11],
        ["Why SQLite is everywhere", ["programming", "databases"], "", 13],
        ["Night sky timelapse over Patagonia", ["travel", "nature"], "", 15],
        ["Accessibility on the desktop, explained", ["design", "a11y"], "", 18],
        ["Jazz piano: voicings for beginners", ["music", "learning"], "Practice shell voicings first.", 21],
        ["CMake in 2024: modern targets", ["programming", "qt"], "", 25],
        ["The history of the bicycle", ["history"], "", 30],
        ["Ramen from scratch", ["cooking", "weekend"], "", 34],
        ["Calm productivity without apps", ["productivity"], "", 40],
        ["Deep sea creatures you have never seen", ["nature", "science"], "", 47],
        ["Color theory for UI designers", ["design"], "", 55],
        ["Chopin — Nocturne Op. 9 No. 2", ["music", "classical"], "", 64],
        ["Intro to distributed systems", ["programming", "learning"], "", 80],
        ["Sketching every day for a year", ["art", "learning"], "", 95],
        ["The physics of a perfect espresso", ["coffee", "science"], "", 120],
        ["Mountain hut cooking", ["cooking", "travel"], "", 150],
        ["Writing clear error messages", ["design", "writing"], "One sentence, what happened, what to do.", 190],
        ["Birdsong at dawn, 1 hour", ["nature", "relax"], "", 240],
        ["Origami cranes, step by step", ["art"], "", 300]
    ]

    function fillLibrary(pendingRows) {
        const now = Date.now()
        for (let i = 0; i < sampleVideos.length; ++i) {
            const v = sampleVideos[i]
            mockLibrary.addRow({
                "videoId": 1000 - i,
                "youtubeId": ("clip" + (1000 - i) + "xxxxxxx").slice(0, 11),
                "title": v[0],
                "tags": v[1],
                "notes": v[2],
                "createdAt": new Date(now - v[3] * 86400000 - i * 3600000),
                "pending": pendingRows.indexOf(i) >= 0
            })
        }
        const counts = {}
        sampleVideos.forEach(v => v[1].forEach(t => counts[t] = (counts[t] || 0) + 1))
        Object.keys(counts).sort((x, y) => counts[y] - counts[x] || x.localeCompare(y))
            .forEach(t => mockLibrary.addTag(t, counts[t]))
    }

    function fillSettings() {
        const now = Date.now()
        mockSettings.apiKeys.append({ "keyId": "k1", "name": "Backup script", "prefix": "cs_live_7f3a",
                                      "createdAt": new Date(now - 40 * 86400000), "lastUsedAt": new Date(now - 2 * 3600000) })
        mockSettings.apiKeys.append({ "keyId": "k2", "name": "Home server", "prefix": "cs_live_91bc",
                                      "createdAt": new Date(now - 3 * 86400000), "lastUsedAt": new Date(NaN) })
        mockSettings.activity.append({ "eventId": 5, "kind": "api_key_created", "at": new Date(now - 3 * 86400000), "detail": "Home server" })
        mockSettings.activity.append({ "eventId": 4, "kind": "settings_changed", "at": new Date(now - 5 * 86400000), "detail": "theme" })
        mockSettings.activity.append({ "eventId": 3, "kind": "avatar_changed", "at": new Date(now - 12 * 86400000), "detail": "" })
        mockSettings.activity.append({ "eventId": 2, "kind": "api_key_created", "at": new Date(now - 40 * 86400000), "detail": "Backup script" })
        mockSettings.activity.append({ "eventId": 1, "kind": "account_created", "at": new Date(now - 90 * 86400000), "detail": "" })
    }

    /// The first object named \a name under \a root (items, their resources, popups' content).
    function find(root, name) {
        if (!root)
            return null
        if (root.objectName === name)
            return root
        const kids = [].concat(root.data ? Array.from(root.data) : [],
                               root.contentItem && root.contentItem !== root ? [root.contentItem] : [])
        for (const kid of kids) {
            const found = find(kid, name)
            if (found)
                return found
        }
        return null
    }

    function setUp() {
        const s = scene
        if (s === "library-loading") {
            mockLibrary.loading = true
            return
        }
        if (s === "library-empty" || s === "add-invalid")
            ; // an empty library
        else if (s === "library-large")
            mockLibrary.videos.fillVideos(100000)
        else if (withControllers)
            fillLibrary(s === "library-pending" ? [0, 2] : [])
        if (s === "library-pending")
            mockLibrary.pendingChanges = 2
        if (s === "library-offline")
            mockLibrary.offline = true
        if (s === "library-nomatch") {
            mockLibrary.toggleTag("cooking")
            mockLibrary.toggleTag("music")
            mockLibrary.videos.clear()
        }
        if (s === "library-search") {
            mockLibrary.searchText = "sourdough"
            for (let r = mockLibrary.videos.count - 1; r >= 0; --r) {
                if (mockLibrary.videos.get(r).title.toLowerCase().indexOf("sourdough") < 0)
                    mockLibrary.videos.remove(r)
            }
        }
        if (s.indexOf("settings") === 0)
            fillSettings()
        if (s === "other-user") {
            mockLibrary.otherUserChanges = 3
            mockLibrary.outboxBelongsToOtherUser = true
        }
        actions.start()
    }

    Component.onCompleted: setUp()

    // Steps that need the pages to exist.
    Timer {
        id: actions
        interval: 100
        onTriggered: {
            const root = preview.contentItem
            const home = preview.find(root, "homePage")
            const library = preview.find(root, "libraryPage")
            switch (preview.scene) {
            case "add":
                library.openAdd("https://youtu.be/dQw4w9WgXcQ")
                // The dialog is created on first use, outside the page's item tree.
                preview.find(library.addDialog, "addTitleField").text = "Never Gonna Give You Up (Official Video)"
                preview.find(library.addDialog, "addTagInput").tags = ["music", "classics"]
                break
            case "add-invalid":
                library.openAdd("https://vimeo.com/76979871")
                break
            case "add-duplicate":
                library.openAdd("https://www.youtube.com/watch?v=clip998xxxx")
                break
            case "add-error":
                library.openAdd("https://www.youtube.com/watch?v=M7lc1UVf-VE")
                library.addDialog.generalError = "The server could not save the video right now. Your text is still here; try again in a moment."
                break
            case "edit":
                library.openEditor(999)
                break
            case "undo":
                library.list.currentIndex = 1
                mockLibrary.deleteVideo(999) // the page shows its undo toast
                mockLibrary.videos.remove(mockLibrary.indexOfVideo(999)) // as the controller hides it
                break
            case "library-notices":
                App.notices.report("TlsFailure", { source: "provider", topic: "connection" })
                App.notices.report("RateLimited", { retryAfterSeconds: 30 })
                break
            case "library":
            case "library-pending":
                library.list.currentIndex = 1
                library.list.forceActiveFocus()
                break
            case "settings":
            case "settings-secret":
            case "settings-revoke":
            case "settings-message":
            case "settings-forget":
                home.showSection("settings")
                break
            }
            settingsActions.start()
        }
    }

    Timer {
        id: settingsActions
        interval: 100
        onTriggered: {
            const root = preview.contentItem
            switch (preview.scene) {
            case "settings-secret":
                mockSettings.apiKeyCreated("Home server", "cs_live_91bc2f0e8d7c6b5a4f3e2d1c0b9a8f7e")
                break
            case "settings-revoke":
                preview.find(root, "revokeKeyDialog").ask("k1", "Backup script")
                break
            case "settings-forget":
                mockLibrary.pendingChanges = 2
                preview.find(root, "forgetDeviceDialog").open()
                break
            case "settings-message":
                mockSettings.message = "Settings were changed elsewhere — reloaded"
                break
            }
        }
    }
}
