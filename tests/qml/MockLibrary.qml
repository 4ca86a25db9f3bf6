import QtQml
import Clipshelf
import ClipshelfMocks

// Stands in for clipshelf::LibraryController: the same properties, signals
// and functions. Functions record their calls (name and arguments) in
// `calls`; tests emit the controller's signals themselves to play its answers.
QtObject {
    id: mock

    property MockListModel videos: MockListModel {
        roles: ["videoId", "url", "youtubeId", "title", "displayTitle", "notes", "thumbnailUrl",
                "thumbnailSource", "tags", "createdAt", "updatedAt", "pending", "pendingDelete"]
    }
    property MockListModel tags: MockListModel {
        roles: ["name", "count", "selected"]
    }

    property string searchText
    property var selectedTags: []
    property bool loading: false
    property int totalCount: videos.count
    property int emptyState: videos.count > 0 ? LibraryController.NotEmpty
                                              : loading ? LibraryController.Loading
                                                        : (selectedTags.length > 0 || searchText.length > 0)
                                                          ? LibraryController.NoMatches : LibraryController.NoVideos
    property int pendingChanges: 0
    property bool outboxBelongsToOtherUser: false
    property int otherUserChanges: 0
    property string recoveredMessage
    property string errorMessage
    property bool offline: false
    property bool sessionEnded: false
    property bool showsCachedLibrary: false

    signal videoAdded(var id)
    signal duplicateVideo(var existingId, string message)
    signal addFailed(string field, string message)
    signal videoUpdated(var id)
    signal updateFailed(var id, string field, string message)
    signal deleteScheduled(var id, string title)
    signal videoDeleted(var id)
    signal conflict(string message)
    signal linkCopied(string url)

    /// [{ name, args }] in call order.
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

    /// Adds a video row; `fields` may leave out anything.
    function addRow(fields) {
        const id = fields.videoId !== undefined ? fields.videoId : videos.count + 1
        const youtubeId = fields.youtubeId || ("yt" + ("000000000" + id).slice(-9))
        const url = fields.url || ("https://www.youtube.com/watch?v=" + youtubeId)
        const title = fields.title !== undefined ? fields.title : "Video " + id
        videos.append({
            "videoId": id,
            "url": url,
            "youtubeId": youtubeId,
            "title": title,
            "displayTitle": title.length > 0 ? title : url,
            "notes": fields.notes || "",
            "thumbnailUrl": "https://img.youtube.com/vi/" + youtubeId + "/hqdefault.jpg",
            "thumbnailSource": "image://thumbnail/" + youtubeId,
            "tags": fields.tags || [],
            "createdAt": fields.createdAt || new Date(),
            "updatedAt": fields.createdAt || new Date(),
            "pending": fields.pending || false,
            "pendingDelete": false
        })
    }

    function addTag(name, n) {
        tags.append({ "name": name, "count": n, "selected": false })
    }

    function refresh() { record("refresh") }
    function toggleTag(name) {
        record("toggleTag", [name])
        const i = selectedTags.indexOf(name)
        selectedTags = i >= 0 ? selectedTags.filter(t => t !== name) : selectedTags.concat([name])
        const row = tags.indexOf("name", name)
        if (row >= 0)
            tags.set(row, { "selected": i < 0 })
    }
    function clearFilters() {
        record("clearFilters")
        selectedTags = []
        searchText = ""
        for (let r = 0; r < tags.count; ++r)
            tags.set(r, { "selected": false })
    }
    function checkUrl(text) {
        const m = /(?:[?&]v=|youtu\.be\/|\/shorts\/|\/live\/|\/embed\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/.exec(text)
        if (!m || !/^https?:\/\/(www\.|m\.|music\.)?(youtube\.com|youtu\.be)\//.test(text.trim()))
            return { "valid": false, "message": text.trim().length > 0 ? "This link is not a YouTube video." : "", "existingId": 0 }
        const row = videos.indexOf("youtubeId", m[1])
        return {
            "valid": true,
            "youtubeId": m[1],
            "canonicalUrl": "https://www.youtube.com/watch?v=" + m[1],
            "thumbnailUrl": "https://img.youtube.com/vi/" + m[1] + "/hqdefault.jpg",
            "thumbnailSource": "image://thumbnail/" + m[1],
            "existingId": row >= 0 ? videos.get(row).videoId : 0,
            "message": row >= 0 ? "Already in your library" : ""
        }
    }
    function addVideo(url, title, notes, tagList) { record("addVideo", [url, title, notes, tagList]) }
    function updateVideo(id, title, notes, tagList) { record("updateVideo", [id, title, notes, tagList]) }
    function deleteVideo(id) {
        record("deleteVideo", [id])
        const row = indexOfVideo(id)
        deleteScheduled(id, row >= 0 ? videos.get(row).title : "")
    }
    function undoDelete(id) { record("undoDelete", [id]) }
    function commitPendingDeletes() { record("commitPendingDeletes") }
    function tagCompletions(prefix) {
        const names = []
        for (let r = 0; r < tags.count; ++r) {
            const name = tags.get(r).name
            if (name.indexOf(prefix.toLowerCase()) === 0)
                names.push(name)
        }
        return names
    }
    function openInBrowser(id) { record("openInBrowser", [id]) }
    function copyLink(id) {
        record("copyLink", [id])
        const row = indexOfVideo(id)
        if (row >= 0)
            linkCopied(videos.get(row).url)
    }
    function indexOfVideo(id) { return videos.indexOf("videoId", id) }
    function video(id) {
        const row = indexOfVideo(id)
        return row >= 0 ? videos.get(row) : ({})
    }
    function keepOutbox() {
        record("keepOutbox")
        outboxBelongsToOtherUser = false
    }
    function discardOutbox() {
        record("discardOutbox")
        outboxBelongsToOtherUser = false
    }
    function forgetLocalData() { record("forgetLocalData") }
    function dismissRecoveredMessage() {
        record("dismissRecoveredMessage")
        recoveredMessage = ""
    }
}
