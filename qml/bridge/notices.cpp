#include "notices.h"

#include <QMetaEnum>

namespace clipshelf {

namespace {

QString severityName(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Info:
        return QStringLiteral("info");
    case Problem::Severity::Warning:
        return QStringLiteral("warning");
    case Problem::Severity::Error:
        break;
    }
    return QStringLiteral("error");
}

Problem::Source sourceNamed(const QString &name)
{
    if (name == QLatin1String("provider"))
        return Problem::Source::Provider;
    if (name == QLatin1String("keychain"))
        return Problem::Source::Keychain;
    if (name == QLatin1String("disk"))
        return Problem::Source::Disk;
    return Problem::Source::Service;
}

} // namespace

Notices::Notices(QObject *parent) : QObject(parent) {}

QString Notices::presentationOf(const Problem &problem)
{
    if (!problem.field().isEmpty())
        return QStringLiteral("inline");
    return problem.isPersistent() ? QStringLiteral("banner") : QStringLiteral("toast");
}

int Notices::raise(const Problem &problem, const QString &topic)
{
    if (!problem.isError())
        return 0;
    Entry entry{m_nextId++, topic, problem};
    // One notice per topic, and one inline error per field: the newest replaces the old.
    const QString field = problem.field();
    m_notices.removeIf([&](const Entry &e) {
        return (!topic.isEmpty() && e.topic == topic) ||
               (!field.isEmpty() && e.problem.field() == field);
    });
    m_notices.append(entry);
    emit changed();
    emit problemRaised(toMap(entry));
    return entry.id;
}

void Notices::clearTopic(const QString &topic)
{
    if (!topic.isEmpty() &&
        m_notices.removeIf([&](const Entry &e) { return e.topic == topic; }) > 0)
        emit changed();
}

void Notices::dismiss(int id)
{
    if (m_notices.removeIf([id](const Entry &e) { return e.id == id; }) > 0)
        emit changed();
}

void Notices::clear()
{
    if (m_notices.isEmpty())
        return;
    m_notices.clear();
    emit changed();
}

int Notices::report(const QString &kindName, const QVariantMap &arguments)
{
    bool known = false;
    const int value =
        QMetaEnum::fromType<Problem::Kind>().keyToValue(kindName.toLatin1().constData(), &known);
    if (!known)
        return 0;
    Problem problem(Problem::Kind(value),
                    sourceNamed(arguments.value(QStringLiteral("source")).toString()));
    problem.setField(arguments.value(QStringLiteral("field")).toString())
        .setRetryAfterSeconds(arguments.value(QStringLiteral("retryAfterSeconds"), -1).toInt())
        .setHttpStatus(arguments.value(QStringLiteral("httpStatus")).toInt())
        .setDetail(arguments.value(QStringLiteral("detail")).toString())
        .setServerMessage(arguments.value(QStringLiteral("serverMessage")).toString());
    return raise(problem, arguments.value(QStringLiteral("topic")).toString());
}

QString Notices::fieldError(const QString &field) const
{
    for (auto it = m_notices.crbegin(); it != m_notices.crend(); ++it) {
        if (!field.isEmpty() && it->problem.field() == field)
            return it->problem.userText();
    }
    return {};
}

QVariantMap Notices::notice(int id) const
{
    for (const Entry &e : m_notices) {
        if (e.id == id)
            return toMap(e);
    }
    return {};
}

QVariantList Notices::banners() const
{
    QVariantList list;
    for (const Entry &e : m_notices) {
        if (presentationOf(e.problem) == QLatin1String("banner"))
            list.append(toMap(e));
    }
    return list;
}

QVariantMap Notices::toast() const
{
    for (auto it = m_notices.crbegin(); it != m_notices.crend(); ++it) {
        if (presentationOf(it->problem) == QLatin1String("toast"))
            return toMap(*it);
    }
    return {};
}

Problem Notices::problemOf(const QString &topic) const
{
    for (const Entry &e : m_notices) {
        if (!topic.isEmpty() && e.topic == topic)
            return e.problem;
    }
    return {};
}

QList<Problem> Notices::problems() const
{
    QList<Problem> list;
    for (const Entry &e : m_notices)
        list.append(e.problem);
    return list;
}

void Notices::retranslate()
{
    if (!m_notices.isEmpty())
        emit changed();
}

QVariantMap Notices::toMap(const Entry &entry) const
{
    const Problem &p = entry.problem;
    return {{QStringLiteral("id"), entry.id},
            {QStringLiteral("kind"), Problem::kindName(p.kind())},
            {QStringLiteral("presentation"), presentationOf(p)},
            {QStringLiteral("severity"), severityName(p.severity())},
            {QStringLiteral("text"), p.userText()},
            {QStringLiteral("actionText"), p.actionText()},
            {QStringLiteral("detail"), p.detail()},
            {QStringLiteral("field"), p.field()},
            {QStringLiteral("topic"), entry.topic}};
}

} // namespace clipshelf
