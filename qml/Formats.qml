pragma Singleton

import QtQuick
import Clipshelf

// Dates and counts as the interface writes them, in the language of the UI
// (App.language). Functions read `language`, so bindings that call them
// follow a language change.
QtObject {
    id: formats

    /// "en" or "de"; the locale used for month names and order.
    readonly property string language: App.language.length > 0 ? App.language : "en"
    readonly property var locale: Qt.locale(language === "de" ? "de_DE" : "en_GB")

    function isValidDate(d) {
        return d instanceof Date && !isNaN(d.getTime())
    }

    function dayDifference(d, now) {
        const a = new Date(d.getFullYear(), d.getMonth(), d.getDate())
        const b = new Date(now.getFullYear(), now.getMonth(), now.getDate())
        return Math.round((b - a) / 86400000)
    }

    /// "Today", "Yesterday", "12 Mar", or "12 Mar 2023" in another year.
    function shortDate(d) {
        const de = language === "de" // read first: bindings then follow the language
        if (!isValidDate(d))
            return ""
        const now = new Date()
        const days = dayDifference(d, now)
        if (days === 0)
            return qsTr("Today")
        if (days === 1)
            return qsTr("Yesterday")
        const format = d.getFullYear() === now.getFullYear() ? (de ? "d. MMM" : "d MMM")
                                                             : (de ? "d. MMM yyyy" : "d MMM yyyy")
        return d.toLocaleDateString(locale, format)
    }

    /// "12 March 2024, 14:05".
    function dateTime(d) {
        if (!isValidDate(d))
            return ""
        return d.toLocaleDateString(locale, language === "de" ? "d. MMMM yyyy" : "d MMMM yyyy")
                + ", " + d.toLocaleTimeString(locale, "HH:mm")
    }

    /// "just now", "5 minutes ago", "3 hours ago", "Yesterday", then a date.
    function relative(d) {
        const lang = language // a dependency for bindings, even on the early returns
        if (!lang || !isValidDate(d))
            return ""
        const seconds = Math.max(0, (Date.now() - d.getTime()) / 1000)
        if (seconds < 60)
            return qsTr("just now")
        const minutes = Math.floor(seconds / 60)
        if (minutes < 60)
            return minutes === 1 ? qsTr("1 minute ago") : qsTr("%1 minutes ago").arg(minutes)
        const hours = Math.floor(minutes / 60)
        if (hours < 24)
            return hours === 1 ? qsTr("1 hour ago") : qsTr("%1 hours ago").arg(hours)
        return shortDate(d)
    }

    /// "1 video" / "1,234 videos".
    function videoCount(n) {
        const loc = locale
        return n === 1 ? qsTr("1 video") : qsTr("%1 videos").arg(Number(n).toLocaleString(loc, "f", 0))
    }
}
