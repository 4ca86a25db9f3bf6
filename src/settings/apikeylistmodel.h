#pragma once

#include "api/apitypes.h"

#include <QAbstractListModel>

namespace clipshelf {

/// The user's API keys (never their secrets). Roles: keyId, name, prefix,
/// createdAt, lastUsedAt (invalid QDateTime = never used).
class ApiKeyListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { KeyIdRole = Qt::UserRole + 1, NameRole, PrefixRole, CreatedAtRole, LastUsedAtRole };

    explicit ApiKeyListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_keys.size()); }

    /// Secrets are dropped here: the model never holds one.
    void setKeys(QList<ApiKeyInfo> keys);
    void remove(const QString &id);
    QList<ApiKeyInfo> keys() const { return m_keys; }

signals:
    void countChanged();

private:
    QList<ApiKeyInfo> m_keys;
};

} // namespace clipshelf
