#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace clipshelf {

class TagListModel;
class VideoListModel;

/**
 * The library's search: the text typed (applied after a short pause) and the
 * selected tags (applied at once), set as the VideoListModel's filter and
 * shown as selected in the TagListModel.
 */
class LibrarySearch : public QObject
{
    Q_OBJECT
public:
    LibrarySearch(VideoListModel *videos, TagListModel *tags, int debounceMs,
                  QObject *parent = nullptr);

    QString text() const { return m_text; }
    /// Applies \a text after the debounce.
    void setText(const QString &text);
    /// Lower case, in the order chosen.
    QStringList selectedTags() const { return m_selectedTags; }
    /// Applies the text now instead of after the debounce.
    void applyNow();
    /// Selects \a tag (trimmed, lower case) or unselects it; applied at once.
    void toggleTag(const QString &tag);
    /// No text, no tags.
    void clear();

signals:
    void textChanged();
    void selectedTagsChanged();
    /// The filter was set on the model; \a changed: it differs from the one before.
    void applied(bool changed);

private:
    void apply();

    VideoListModel *m_videos;
    TagListModel *m_tags;
    QString m_text;
    QStringList m_selectedTags;
    QTimer m_debounce;
};

} // namespace clipshelf
