#pragma once

// No QML_ELEMENT here (core has no QtQml): registered with QML_FOREIGN in qml/bridge.

#include "library/videofilter.h"
#include "library/videojson.h"
#include "library/videorecord.h"
#include "library/videostore.h"

#include <functional>
#include <memory>
#include <optional>
#include <QAbstractListModel>
#include <QStringList>
#include <vector>

namespace clipshelf {

/**
 * The library as a list model, newest first. It stores every known video as a
 * compact VideoRecord (tags interned in one TagDictionary) and shows the ones
 * that pass the current filter (tags AND, case-insensitive substring of title,
 * URL or notes — the server's rules), in one pass over the records. Rows being deleted
 * (pendingDelete, inside the undo window or waiting to sync) are hidden.
 *
 * The LibraryController fills it (pages from the API, the cache, queued local
 * changes). canFetchMore()/fetchMore() ask the controller for the next page
 * through moreRequested() while setHasMore(true).
 *
 * Roles (QML names): videoId, url, youtubeId, title, displayTitle, notes,
 * thumbnailUrl (https://img.youtube.com/…), thumbnailSource
 * ("image://thumbnail/<youtubeId>"), tags, createdAt, updatedAt, pending, pendingDelete.
 */
class VideoListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        VideoIdRole = Qt::UserRole + 1,
        UrlRole,
        YoutubeIdRole,
        TitleRole,
        DisplayTitleRole,
        NotesRole,
        ThumbnailUrlRole,
        ThumbnailSourceRole,
        TagsRole,
        CreatedAtRole,
        UpdatedAtRole,
        PendingRole,
        PendingDeleteRole,
    };

    explicit VideoListModel(QObject *parent = nullptr);
    ~VideoListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Visible rows (after filtering).
    int count() const { return int(m_visible.size()); }
    /// Every stored row, filtered or not.
    int totalRows() const { return int(m_store.order().size()); }

    // --- filling -------------------------------------------------------------
    /// Replaces every row with the videos of a GET /videos body (or the cache
    /// file): the fast path, no QJsonDocument. False (rows unchanged) on bad JSON.
    bool loadFromJson(const QByteArray &json, int *count = nullptr, QString *nextCursor = nullptr,
                      QString *error = nullptr);
    /// Replaces every row with a parsed library (videojson::parseLibrary, e.g. on another thread).
    void adopt(videojson::Library &&library);
    /// Replaces every row.
    void setRows(std::vector<VideoRow> rows);
    /// Inserts or updates \a rows (matched by id), keeping the order; the view
    /// gets fine-grained inserts/changes, so its scroll position stays.
    void mergeRows(std::vector<VideoRow> rows);
    /// Inserts or replaces one video (e.g. the server's answer to an edit).
    void upsert(const VideoRow &row);
    /// Replaces the row \a oldId (a queued add's local id) by \a row.
    void replace(qint64 oldId, const VideoRow &row);
    void remove(qint64 id);
    /// Removes the rows for which \a pred is true.
    void removeIf(const std::function<bool(const VideoRecord &)> &pred);
    void clear();
    void setPending(qint64 id, bool pending);
    void setPendingDelete(qint64 id, bool pendingDelete);
    /// While true, canFetchMore() says so and fetchMore() emits moreRequested().
    void setHasMore(bool hasMore) { m_hasMore = hasMore; }
    bool hasMore() const { return m_hasMore; }

    // --- filtering -----------------------------------------------------------
    /// Shows only rows whose haystack contains \a text (lower-cased, trimmed)
    /// and that carry all \a tags (case-insensitive). Resets the view.
    void setFilter(const QString &text, const QStringList &tags);
    QString filterText() const { return m_filter.text(); }
    QStringList filterTags() const { return m_filter.tags(); }
    bool isFiltered() const { return m_filter.isFiltered(); }
    /// Rows after \a key (in list order) stay hidden — the not yet paged-in
    /// part of an unfiltered library; std::nullopt shows everything.
    void setLowerBound(std::optional<VideoSortKey> key);
    /// True when \a row passes the text and tag filter (ignoring deletes and the lower bound).
    bool matchesFilter(const VideoRecord &row) const
    {
        return m_filter.matches(row, m_store.tags());
    }

    // --- reading -------------------------------------------------------------
    Q_INVOKABLE int indexOf(qint64 id) const;
    /// All roles of the visible row \a row as a map (for dialogs), empty when out of range.
    Q_INVOKABLE QVariantMap get(int row) const;
    /// A copy of the stored row \a id, or nothing.
    std::optional<VideoRow> find(qint64 id) const;
    /// The stored row of \a youtubeId that is not being deleted, or nothing (a linear scan).
    std::optional<VideoRow> findByYoutubeId(const QString &youtubeId) const;
    /// The server's rows (id > 0) in list order with their tags, for writing the
    /// cache on another thread (the copies share the records' text).
    videojson::Library serverRows() const;
    /// The visible row \a row (no bounds check beyond an assert).
    const VideoRecord &visibleRow(int row) const { return m_store.at(m_visible[size_t(row)]); }
    const TagDictionary &tagDictionary() const { return m_store.tags(); }
    /// The rows in JSON (GET /videos shape) for the cache; only server rows (id > 0).
    QByteArray toJson(int count, const QString &nextCursor) const;

signals:
    void countChanged();
    /// The view scrolled to the end and hasMore() is true.
    void moreRequested();

private:
    std::vector<int> computeVisible();
    /// Moves the view from m_visible to \a next with fine-grained inserts and
    /// removes (a reset when they would be too many), then dataChanged for \a changed slots.
    void applyVisible(std::vector<int> next, const std::vector<int> &changed = {});
    int visiblePosOfSlot(int slot) const;

    VideoStore m_store; ///< every row, in stable slots
    VideoFilter m_filter;
    std::vector<int> m_visible; ///< the slots that pass the filter, in list order
    bool m_hasMore = false;
};

} // namespace clipshelf
