#include "database.h"

#include "logging.h"

#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

namespace apiserver {

Database::Database(const QString &path)
    : m_path(path.isEmpty() ? QStringLiteral(":memory:") : path),
      m_connectionName(QStringLiteral("clipshelf-apiserver-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    try {
        exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        if (m_path != QLatin1String(":memory:")) {
            exec(QStringLiteral("PRAGMA journal_mode = WAL"));
            exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        }
        migrate();
    } catch (const DbError &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

int Database::schemaVersion() const
{
    return scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")).toInt();
}

void Database::migrate()
{
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        " description TEXT NOT NULL, applied_ms INTEGER NOT NULL)"));
    const int current = schemaVersion();
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        Transaction tx(*this);
        for (const QString &sql : m.statements)
            exec(sql);
        exec(QStringLiteral("INSERT INTO schema_version (version, description, applied_ms)"
                            " VALUES (?, ?, strftime('%s','now') * 1000)"),
             {m.version, m.description});
        tx.commit();
        qCInfo(lcApiServer).noquote() << "applied migration" << m.version << "-" << m.description;
    }
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery query(connection());
    if (!query.prepare(sql))
        throw DbError(QStringLiteral("prepare failed: %1 [%2]")
                          .arg(query.lastError().text(), sql)
                          .toStdString());
    for (const QVariant &v : binds)
        query.addBindValue(v);
    if (!query.exec())
        throw DbError(QStringLiteral("query failed: %1 [%2]")
                          .arg(query.lastError().text(), sql)
                          .toStdString());
    return query;
}

QVariant Database::scalar(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q = exec(sql, binds);
    return q.next() ? q.value(0) : QVariant();
}

void Database::begin() const
{
    if (!connection().transaction())
        throw DbError("BEGIN failed: " + connection().lastError().text().toStdString());
}

void Database::commit() const
{
    if (!connection().commit())
        throw DbError("COMMIT failed: " + connection().lastError().text().toStdString());
}

void Database::rollback() const
{
    connection().rollback();
}

Transaction::Transaction(const Database &db) : m_db(db)
{
    m_db.begin();
}

Transaction::~Transaction()
{
    if (!m_done)
        m_db.rollback();
}

void Transaction::commit()
{
    m_db.commit();
    m_done = true;
}

} // namespace apiserver
