#pragma once

#include "api/apitypes.h"

#include <QAbstractListModel>
#include <QStringList>

namespace clipshelf {

/**
 * The user's tags (GET /tags), most used first, for the tag bar and for
 * completion. Roles: name, count, selected. Selected tags stay listed even
 * when the server no longer reports them, so they can be unselected.
 */
class TagListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, CountRole, SelectedRole };

    explicit TagListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_tags.size()); }

    void setTags(const QList<TagCount> &tags);
    QList<TagCount> tags() const { return m_tags; }
    void setSelected(const QStringList &selected);
    QStringList selected() const { return m_selected; }
    /// Names starting with \a prefix (case-insensitive), then names containing it; most used first;
    /// at most \a limit.
    QStringList completions(const QString &prefix, int limit = 10) const;

signals:
    void countChanged();

private:
    void rebuild(QList<TagCount> tags);

    QList<TagCount> m_tags;
    QStringList m_selected;
};

} // namespace clipshelf
