#pragma once

#include "core/problem.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqml.h>
#include <QVariantList>
#include <QVariantMap>

namespace clipshelf {

/**
 * App.notices: the one surface through which QML shows problems. Each notice
 * is a Problem (kind and arguments, never a finished sentence) with a
 * presentation chosen by its kind: an inline field error when it names a
 * field, a banner for the ones that last (offline, keychain, storage, TLS,
 * an ended session), a toast for the rest. Texts are built when read, so
 * they follow App.language (retranslate() tells the bindings).
 *
 * Every notice reads, in QML, as a map: {id, kind, presentation ("banner",
 * "toast", "inline"), severity ("info", "warning", "error"), text, actionText,
 * detail, field, topic}.
 */
class Notices : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.notices is the one instance")

    /// The banners, oldest first.
    Q_PROPERTY(QVariantList banners READ banners NOTIFY changed)
    /// The newest toast not yet dismissed (an empty map when none).
    Q_PROPERTY(QVariantMap toast READ toast NOTIFY changed)
    /// How many notices there are (of every presentation).
    Q_PROPERTY(int count READ count NOTIFY changed)

public:
    explicit Notices(QObject *parent = nullptr);

    /// Shows \a problem; a notice with the same non-empty \a topic is replaced
    /// (one banner per cause). Returns the notice's id (0 for no problem).
    int raise(const Problem &problem, const QString &topic = {});
    /// The cause of \a topic's notice is gone: removes it.
    Q_INVOKABLE void clearTopic(const QString &topic);
    /// Removes the notice \a id (a toast that left, a banner closed).
    Q_INVOKABLE void dismiss(int id);
    /// Removes every notice.
    Q_INVOKABLE void clear();
    /// Raises a problem from QML: \a kindName as Problem::kindName(); \a arguments may hold
    /// field, retryAfterSeconds, httpStatus, detail, serverMessage, source ("provider",
    /// "keychain", "disk") and topic. Returns the id (0 for an unknown kind).
    Q_INVOKABLE int report(const QString &kindName, const QVariantMap &arguments = {});
    /// The inline error for \a field ("" when none), in the current language.
    Q_INVOKABLE QString fieldError(const QString &field) const;
    /// The notice \a id as a map (empty when gone).
    Q_INVOKABLE QVariantMap notice(int id) const;

    QVariantList banners() const;
    QVariantMap toast() const;
    int count() const { return int(m_notices.size()); }
    /// The problem of \a topic's notice (None when there is none).
    Problem problemOf(const QString &topic) const;
    /// The problems shown, oldest first (tests, the CLI's view of the same channel).
    QList<Problem> problems() const;

    /// How \a problem is shown: "inline", "banner" or "toast".
    static QString presentationOf(const Problem &problem);

    /// The language changed: every text is built again.
    void retranslate();

signals:
    void changed();
    /// A notice was raised; \a notice is its map (see the class comment).
    void problemRaised(const QVariantMap &notice);

private:
    struct Entry
    {
        int id = 0;
        QString topic;
        Problem problem;
    };
    QVariantMap toMap(const Entry &entry) const;

    QList<Entry> m_notices;
    int m_nextId = 1;
};

} // namespace clipshelf
