#include "settings/apikeylistmodel.h"

namespace clipshelf {

ApiKeyListModel::ApiKeyListModel(QObject *parent) : QAbstractListModel(parent) {}

int ApiKeyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QHash<int, QByteArray> ApiKeyListModel::roleNames() const
{
    return {{KeyIdRole, "keyId"},
            {NameRole, "name"},
            {PrefixRole, "prefix"},
            {CreatedAtRole, "createdAt"},
            {LastUsedAtRole, "lastUsedAt"}};
}

QVariant ApiKeyListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_keys.size()))
        return {};
    const ApiKeyInfo &k = m_keys.at(index.row());
    switch (role) {
    case KeyIdRole:
        return k.id;
    case Qt::DisplayRole:
    case NameRole:
        return k.name;
    case PrefixRole:
        return k.prefix;
    case CreatedAtRole:
        return k.createdAt;
    case LastUsedAtRole:
        return k.lastUsedAt;
    default:
        return {};
    }
}

void ApiKeyListModel::setKeys(QList<ApiKeyInfo> keys)
{
    for (ApiKeyInfo &k : keys)
        k.secret.clear();
    const qsizetype before = m_keys.size();
    beginResetModel();
    m_keys = std::move(keys);
    endResetModel();
    if (before != m_keys.size())
        emit countChanged();
}

void ApiKeyListModel::remove(const QString &id)
{
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).id == id) {
            beginRemoveRows({}, int(i), int(i));
            m_keys.removeAt(i);
            endRemoveRows();
            emit countChanged();
            return;
        }
    }
}

} // namespace clipshelf
