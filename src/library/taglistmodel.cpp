#include "library/taglistmodel.h"

#include <algorithm>

namespace clipshelf {

TagListModel::TagListModel(QObject *parent) : QAbstractListModel(parent) {}

int TagListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

QHash<int, QByteArray> TagListModel::roleNames() const
{
    return {{NameRole, "name"}, {CountRole, "count"}, {SelectedRole, "selected"}};
}

QVariant TagListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_tags.size()))
        return {};
    const TagCount &t = m_tags.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return t.name;
    case CountRole:
        return t.count;
    case SelectedRole:
        return m_selected.contains(t.name, Qt::CaseInsensitive);
    default:
        return {};
    }
}

void TagListModel::rebuild(QList<TagCount> tags)
{
    // A selected tag that the server no longer lists stays, so it can be unselected.
    for (const QString &s : std::as_const(m_selected)) {
        const bool listed = std::any_of(tags.cbegin(), tags.cend(), [&](const TagCount &t) {
            return t.name.compare(s, Qt::CaseInsensitive) == 0;
        });
        if (!listed)
            tags.append({s, 0});
    }
    const qsizetype before = m_tags.size();
    beginResetModel();
    m_tags = std::move(tags);
    endResetModel();
    if (before != m_tags.size())
        emit countChanged();
}

void TagListModel::setTags(const QList<TagCount> &tags)
{
    QList<TagCount> sorted = tags;
    std::stable_sort(sorted.begin(), sorted.end(), [](const TagCount &a, const TagCount &b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    rebuild(std::move(sorted));
}

void TagListModel::setSelected(const QStringList &selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    QList<TagCount> listed;
    for (const TagCount &t : std::as_const(m_tags))
        if (t.count > 0)
            listed.append(t);
    rebuild(std::move(listed));
}

QStringList TagListModel::completions(const QString &prefix, int limit) const
{
    const QString p = prefix.trimmed();
    QStringList starts, contains;
    for (const TagCount &t : m_tags) { // already most used first
        if (t.count <= 0)
            continue;
        if (t.name.startsWith(p, Qt::CaseInsensitive))
            starts.append(t.name);
        else if (!p.isEmpty() && t.name.contains(p, Qt::CaseInsensitive))
            contains.append(t.name);
    }
    starts += contains;
    return starts.mid(0, limit);
}

} // namespace clipshelf
