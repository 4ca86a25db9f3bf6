#include "library/librarysearch.h"

#include "library/taglistmodel.h"
#include "library/videolistmodel.h"

namespace clipshelf {

LibrarySearch::LibrarySearch(VideoListModel *videos, TagListModel *tags, int debounceMs,
                             QObject *parent)
    : QObject(parent), m_videos(videos), m_tags(tags)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LibrarySearch::apply);
}

void LibrarySearch::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    emit textChanged();
    m_debounce.start();
}

void LibrarySearch::applyNow()
{
    m_debounce.stop();
    apply();
}

void LibrarySearch::toggleTag(const QString &tag)
{
    const QString t = tag.trimmed().toLower();
    if (t.isEmpty())
        return;
    if (!m_selectedTags.removeAll(t))
        m_selectedTags.append(t);
    m_tags->setSelected(m_selectedTags);
    emit selectedTagsChanged();
    applyNow();
}

void LibrarySearch::clear()
{
    const bool hadTags = !m_selectedTags.isEmpty();
    m_selectedTags.clear();
    m_tags->setSelected({});
    if (hadTags)
        emit selectedTagsChanged();
    if (!m_text.isEmpty()) {
        m_text.clear();
        emit textChanged();
    }
    applyNow();
}

void LibrarySearch::apply()
{
    const QString before = m_videos->filterText();
    const QStringList beforeTags = m_videos->filterTags();
    m_videos->setFilter(m_text, m_selectedTags);
    emit applied(before != m_videos->filterText() || beforeTags != m_videos->filterTags());
}

} // namespace clipshelf
