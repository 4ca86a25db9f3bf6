#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqml.h>
#include <QVariantMap>
#include <vector>

/**
 * A list model for QML tests and previews: rows are maps, the roles are
 * declared by name (`roles`), so it stands in for the app's C++ models
 * (VideoListModel, TagListModel, ...) with the same role names and types —
 * unlike ListModel, a JS array stays a list of strings and a Date a date.
 * canFetchMore()/fetchMore() follow `hasMore` and count the calls.
 */
class MockListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList roles READ roles WRITE setRoles NOTIFY rolesChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool hasMore READ hasMore WRITE setHasMore NOTIFY hasMoreChanged)
    Q_PROPERTY(int fetchMoreCalls READ fetchMoreCalls NOTIFY fetchMoreCallsChanged)

public:
    explicit MockListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QStringList roles() const { return m_roles; }
    void setRoles(const QStringList &roles);
    int count() const { return int(m_rows.size()); }
    bool hasMore() const { return m_hasMore; }
    void setHasMore(bool more);
    int fetchMoreCalls() const { return m_fetchMoreCalls; }

    Q_INVOKABLE void append(const QVariantMap &row);
    Q_INVOKABLE void appendAll(const QVariantList &rows);
    Q_INVOKABLE void insert(int index, const QVariantMap &row);
    /// Changes some roles of row \a index.
    Q_INVOKABLE void set(int index, const QVariantMap &values);
    Q_INVOKABLE void remove(int index);
    Q_INVOKABLE void clear();
    Q_INVOKABLE QVariantMap get(int index) const;
    /// The first row whose \a role equals \a value, or -1.
    Q_INVOKABLE int indexOf(const QString &role, const QVariant &value) const;
    /// \a n generated videos (roles of VideoListModel), newest first: for
    /// scrolling a large library without building it in JavaScript.
    Q_INVOKABLE void fillVideos(int n);

signals:
    void rolesChanged();
    void countChanged();
    void hasMoreChanged();
    void fetchMoreCallsChanged();
    void fetchMoreRequested();

private:
    QStringList m_roles;
    std::vector<QVariantMap> m_rows;
    bool m_hasMore = false;
    int m_fetchMoreCalls = 0;
};
