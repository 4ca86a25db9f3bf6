#pragma once

#include "api/apitypes.h"

#include <QAbstractListModel>

namespace clipshelf {

/// Recent account activity, newest first. Roles: eventId, kind, at, detail.
class ActivityListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { EventIdRole = Qt::UserRole + 1, KindRole, AtRole, DetailRole };

    explicit ActivityListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_events.size()); }

    void setEvents(QList<ActivityEvent> events);

signals:
    void countChanged();

private:
    QList<ActivityEvent> m_events;
};

} // namespace clipshelf
