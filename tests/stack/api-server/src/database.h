// The SQLite database (Qt Sql, QSQLITE): one file (or in-memory), numbered
// schema migrations recorded in schema_version. Query errors throw DbError;
// the request pipeline turns them into 500s.
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>
#include <QtSql/QSqlQuery>
#include <stdexcept>

namespace apiserver {

class DbError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

class Database
{
public:
    // path ":memory:" (or empty) keeps everything in memory.
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(QString *error);
    int schemaVersion() const;
    static const QList<Migration> &migrations();

    QSqlQuery exec(const QString &sql, const QVariantList &binds = {}) const;
    // First column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const;

    void begin() const;
    void commit() const;
    void rollback() const;

private:
    void migrate();
    QSqlDatabase connection() const;

    QString m_path;
    QString m_connectionName;
};

// Rolls back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    void commit();

private:
    const Database &m_db;
    bool m_done = false;
};

} // namespace apiserver
