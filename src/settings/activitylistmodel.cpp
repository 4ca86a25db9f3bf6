#include "settings/activitylistmodel.h"

namespace clipshelf {

ActivityListModel::ActivityListModel(QObject *parent) : QAbstractListModel(parent) {}

int ActivityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QHash<int, QByteArray> ActivityListModel::roleNames() const
{
    return {{EventIdRole, "eventId"}, {KindRole, "kind"}, {AtRole, "at"}, {DetailRole, "detail"}};
}

QVariant ActivityListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_events.size()))
        return {};
    const ActivityEvent &e = m_events.at(index.row());
    switch (role) {
    case EventIdRole:
        return e.id;
    case KindRole:
        return e.kind;
    case AtRole:
        return e.at;
    case Qt::DisplayRole:
    case DetailRole:
        return e.detail;
    default:
        return {};
    }
}

void ActivityListModel::setEvents(QList<ActivityEvent> events)
{
    const qsizetype before = m_events.size();
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
    if (before != m_events.size())
        emit countChanged();
}

} // namespace clipshelf
