import QtQuick
import QtTest
import Clipshelf

// App.notices, the one surface for problems, and NoticeArea, which shows it:
// the presentation follows the kind (banner, toast, inline field error), a
// topic has one notice, and every text follows App.language.
TestCase {
    id: testCase
    name: "Notices"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Component {
        id: areaComponent
        NoticeArea {
            width: testCase.width
            height: testCase.height
        }
    }

    function cleanup() {
        App.notices.clear()
        App.language = "" // App is one instance for every test: leave it in English
    }

    function child(item, name) {
        const found = findChild(item, name)
        verify(found, "no child " + name)
        return found
    }

    function test_presentationFollowsTheKind_data() {
        return [
            { tag: "offline", kind: "NetworkUnreachable", args: {}, presentation: "banner", severity: "warning" },
            { tag: "tls", kind: "TlsFailure", args: { source: "provider" }, presentation: "banner", severity: "error" },
            { tag: "keychain", kind: "KeychainUnavailable", args: { source: "keychain" }, presentation: "banner", severity: "warning" },
            { tag: "storage", kind: "StorageFailure", args: { source: "disk" }, presentation: "banner", severity: "error" },
            { tag: "timeout", kind: "Timeout", args: {}, presentation: "toast", severity: "warning" },
            { tag: "server", kind: "ServerError", args: {}, presentation: "toast", severity: "error" },
            { tag: "conflict", kind: "Conflict", args: {}, presentation: "toast", severity: "warning" },
            { tag: "field", kind: "InvalidInput", args: { field: "url", serverMessage: "Not a YouTube link" }, presentation: "inline", severity: "error" },
        ]
    }
    function test_presentationFollowsTheKind(data) {
        const id = App.notices.report(data.kind, data.args)
        verify(id > 0)
        const notice = App.notices.notice(id)
        compare(notice.kind, data.kind)
        compare(notice.presentation, data.presentation)
        compare(notice.severity, data.severity)
        verify(notice.text.length > 0)
        compare(App.notices.count, 1)
    }

    function test_unknownKindIsRefused() {
        compare(App.notices.report("NoSuchKind"), 0)
        compare(App.notices.report("None"), 0)
        compare(App.notices.count, 0)
    }

    function test_fieldErrorIsInline() {
        App.notices.report("InvalidInput", { field: "url", serverMessage: "Not a YouTube link" })
        compare(App.notices.fieldError("url"), "Not a YouTube link")
        compare(App.notices.fieldError("title"), "")
        compare(App.notices.banners.length, 0)
        compare(App.notices.toast.id, undefined)
        // A newer error for the same field replaces the old one.
        App.notices.report("InvalidInput", { field: "url", serverMessage: "Too long" })
        compare(App.notices.fieldError("url"), "Too long")
        compare(App.notices.count, 1)
    }

    function test_oneNoticePerTopic() {
        App.notices.report("NetworkUnreachable", { topic: "connection" })
        App.notices.report("TlsFailure", { topic: "connection", source: "provider" })
        compare(App.notices.count, 1)
        compare(App.notices.banners[0].kind, "TlsFailure")
        App.notices.clearTopic("connection")
        compare(App.notices.count, 0)
    }

    function test_areaShowsBannersAndDismisses() {
        const area = createTemporaryObject(areaComponent, testCase)
        verify(!child(area, "noticeBanners").visible)
        App.notices.report("TlsFailure", { source: "provider" })
        const banner = child(area, "noticeBanner_TlsFailure")
        verify(banner.visible)
        compare(banner.kind, "error")
        compare(child(banner, "noticeBanner_TlsFailureText").text,
                "The sign-in service’s certificate could not be verified, so Clipshelf did not connect to it.")
        mouseClick(child(banner, "noticeBanner_TlsFailureAction"))
        compare(App.notices.count, 0)
        verify(!child(area, "noticeBanners").visible)
    }

    function test_areaLeavesPageTopicsToThePage() {
        const area = createTemporaryObject(areaComponent, testCase, { hiddenTopics: ["keychain"] })
        App.notices.report("KeychainUnavailable", { topic: "keychain", source: "keychain" })
        verify(!child(area, "noticeBanners").visible)
        App.notices.report("StorageFailure", { topic: "storage", source: "disk" })
        verify(child(area, "noticeBanners").visible)
        verify(child(area, "noticeBanner_StorageFailure").visible)
    }

    function test_toastShowsAndItsNoticeLeavesWithIt() {
        const area = createTemporaryObject(areaComponent, testCase, { toastDuration: 200 })
        const toast = child(area, "noticeToast")
        App.notices.report("Timeout")
        verify(toast.shown)
        compare(child(area, "noticeToastText").text, "The Clipshelf service did not answer in time.")
        tryCompare(toast, "shown", false, 2000)
        tryCompare(App.notices, "count", 0, 2000)
    }

    function test_newToastReplacesTheShownOne() {
        const area = createTemporaryObject(areaComponent, testCase)
        App.notices.report("Timeout")
        App.notices.report("RateLimited", { retryAfterSeconds: 30 })
        compare(child(area, "noticeToastText").text, "Too many requests — please try again in 30 seconds.")
        tryCompare(App.notices, "count", 1) // the replaced toast's notice goes
    }

    function test_textsFollowTheLanguage() {
        const area = createTemporaryObject(areaComponent, testCase)
        App.notices.report("TlsFailure", { source: "provider" })
        App.notices.report("RateLimited", { retryAfterSeconds: 30 })
        const toastText = child(area, "noticeToastText")
        App.language = "de"
        compare(child(area, "noticeBanner_TlsFailureText").text, "Das Zertifikat des Anmeldedienstes konnte nicht überprüft werden, daher hat Clipshelf keine Verbindung zu ihm aufgenommen.")
        compare(toastText.text, "Zu viele Anfragen – bitte versuche es in 30 Sekunden erneut.")
        compare(App.notices.banners[0].actionText, "Wende dich an den Betreiber des Dienstes")
        App.language = ""
        compare(child(area, "noticeBanner_TlsFailureText").text, "The sign-in service’s certificate could not be verified, so Clipshelf did not connect to it.")
        compare(toastText.text, "Too many requests — please try again in 30 seconds.")
    }

    function test_problemRaisedCarriesTheNotice() {
        let raised = null
        const handler = notice => { raised = notice }
        App.notices.problemRaised.connect(handler)
        App.notices.report("SessionExpired", { source: "provider", detail: "refresh_token=R3FR3SH refused" })
        App.notices.problemRaised.disconnect(handler)
        verify(raised)
        compare(raised.kind, "SessionExpired")
        compare(raised.presentation, "banner")
        compare(raised.text, "Your session has ended — please sign in again.")
        verify(raised.detail.indexOf("R3FR3SH") < 0, raised.detail)
    }
}
