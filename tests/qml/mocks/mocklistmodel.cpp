#include "mocklistmodel.h"

#include <QDateTime>

MockListModel::MockListModel(QObject *parent) : QAbstractListModel(parent) {}

int MockListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant MockListModel::data(const QModelIndex &index, int role) const
{
    const int slot = role - Qt::UserRole - 1;
    if (!index.isValid() || index.row() >= count() || slot < 0 || slot >= m_roles.size())
        return {};
    return m_rows[size_t(index.row())].value(m_roles.at(slot));
}

QHash<int, QByteArray> MockListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i).toUtf8());
    return names;
}

bool MockListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

void MockListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_hasMore)
        return;
    ++m_fetchMoreCalls;
    emit fetchMoreCallsChanged();
    emit fetchMoreRequested();
}

void MockListModel::setRoles(const QStringList &roles)
{
    if (roles == m_roles)
        return;
    beginResetModel();
    m_roles = roles;
    endResetModel();
    emit rolesChanged();
}

void MockListModel::setHasMore(bool more)
{
    if (more == m_hasMore)
        return;
    m_hasMore = more;
    emit hasMoreChanged();
}

void MockListModel::append(const QVariantMap &row)
{
    insert(count(), row);
}

void MockListModel::appendAll(const QVariantList &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, count(), count() + int(rows.size()) - 1);
    for (const QVariant &row : rows)
        m_rows.push_back(row.toMap());
    endInsertRows();
    emit countChanged();
}

void MockListModel::insert(int index, const QVariantMap &row)
{
    index = qBound(0, index, count());
    beginInsertRows({}, index, index);
    m_rows.insert(m_rows.begin() + index, row);
    endInsertRows();
    emit countChanged();
}

void MockListModel::set(int index, const QVariantMap &values)
{
    if (index < 0 || index >= count())
        return;
    QVariantMap &row = m_rows[size_t(index)];
    for (auto it = values.begin(); it != values.end(); ++it)
        row.insert(it.key(), it.value());
    emit dataChanged(this->index(index), this->index(index));
}

void MockListModel::remove(int index)
{
    if (index < 0 || index >= count())
        return;
    beginRemoveRows({}, index, index);
    m_rows.erase(m_rows.begin() + index);
    endRemoveRows();
    emit countChanged();
}

void MockListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

QVariantMap MockListModel::get(int index) const
{
    return index >= 0 && index < count() ? m_rows[size_t(index)] : QVariantMap();
}

int MockListModel::indexOf(const QString &role, const QVariant &value) const
{
    for (int i = 0; i < count(); ++i) {
        if (m_rows[size_t(i)].value(role) == value)
            return i;
    }
    return -1;
}

void MockListModel::fillVideos(int n)
{
    static const QStringList kTags{QStringLiteral("music"),   QStringLiteral("talks"),
                                   QStringLiteral("cooking"), QStringLiteral("qt"),
                                   QStringLiteral("later"),   QStringLiteral("science")};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const QString youtubeId = QStringLiteral("vid%1").arg(i, 8, 36, QLatin1Char('0')).left(11);
        const QString url = QStringLiteral("https://www.youtube.com/watch?v=") + youtubeId;
        const QString title = i % 7 == 3 ? QString() : QStringLiteral("Video number %1").arg(n - i);
        m_rows.push_back({
            {QStringLiteral("videoId"), qint64(n - i)},
            {QStringLiteral("url"), url},
            {QStringLiteral("youtubeId"), youtubeId},
            {QStringLiteral("title"), title},
            {QStringLiteral("displayTitle"), title.isEmpty() ? url : title},
            {QStringLiteral("notes"),
             i % 3 == 0 ? QStringLiteral("Notes for video %1").arg(n - i) : QString()},
            {QStringLiteral("tags"),
             QStringList{kTags.at(i % kTags.size()), kTags.at((i / 2) % kTags.size())}},
            {QStringLiteral("createdAt"), now.addSecs(-qint64(i) * 3600)},
            {QStringLiteral("pending"), i % 50 == 1},
            {QStringLiteral("pendingDelete"), false},
        });
    }
    endResetModel();
    emit countChanged();
}
