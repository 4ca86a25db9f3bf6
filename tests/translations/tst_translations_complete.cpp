// Every message the UI can show is translated, and the .ts files are up to
// date with the code: lupdate runs over the very sources (and with the options)
// of the clipshelf_qml_lupdate target, into a temporary copy of each .ts, and
// the copy must hold the same messages as the committed file, all finished,
// with the same %1, %2... as their source. The source tree is only read.
#include "translationsconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             ///< "" (finished), "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one, or one per numerus form

    QString key() const { return context + QChar(4) + source + QChar(4) + comment; }
    QString describe() const
    {
        return QStringLiteral("[%1] \"%2\"%3")
            .arg(context, source,
                 comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(comment));
    }
};

/// The messages of a .ts file, in file order.
QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message *message = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            message = nullptr;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && !message) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = &messages.emplaceBack();
            message->context = context;
            message->numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (message && name == QLatin1String("source")) {
            message->source = xml.readElementText();
        } else if (message && name == QLatin1String("comment")) {
            message->comment = xml.readElementText();
        } else if (message && name == QLatin1String("translation")) {
            message->type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message->numerus)
                message->translations.append(xml.readElementText());
        } else if (message && name == QLatin1String("numerusform")) {
            message->translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

/// The %1...%99 a text uses, sorted (each once).
QStringList argMarkers(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2})"));
    QSet<QString> markers;
    for (auto it = re.globalMatch(text); it.hasNext();)
        markers.insert(it.next().captured(0));
    QStringList sorted(markers.begin(), markers.end());
    sorted.sort();
    return sorted;
}

} // namespace

class TestTranslationsComplete : public QObject
{
    Q_OBJECT

private slots:
    void upToDateAndFinished_data()
    {
        QTest::addColumn<QString>("tsFile");
        for (const char *path : {CLIPSHELF_TS_FILES})
            QTest::newRow(qPrintable(QFileInfo(QString::fromUtf8(path)).fileName()))
                << QString::fromUtf8(path);
    }

    void upToDateAndFinished()
    {
        QFETCH(QString, tsFile);
        QString error;
        const QList<Message> committed = readTs(tsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(tsFile + QStringLiteral(": ") + error));
        QVERIFY2(!committed.isEmpty(), qPrintable(tsFile + QStringLiteral(" has no messages")));

        // lupdate into a copy: the committed file stays as it is.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
        QVERIFY(QFile::copy(tsFile, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList arguments;
        for (const char *option : {CLIPSHELF_LUPDATE_OPTIONS})
            arguments << QString::fromUtf8(option);
        arguments << QStringLiteral("@" CLIPSHELF_LUPDATE_SOURCES) << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(CLIPSHELF_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(QStringLiteral("lupdate failed:\n") + output));

        const QList<Message> updated = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(copy + QStringLiteral(": ") + error));

        QHash<QString, const Message *> before;
        for (const Message &m : committed)
            before.insert(m.key(), &m);
        QSet<QString> after;
        QStringList problems;
        for (const Message &m : updated) {
            after.insert(m.key());
            if (!before.contains(m.key())) {
                problems << QStringLiteral("new in the code, missing from the .ts: ") +
                                m.describe();
                continue;
            }
            if (!m.type.isEmpty()) {
                problems << QStringLiteral("%1: ").arg(m.type) + m.describe();
                continue;
            }
            const QStringList markers = argMarkers(m.source);
            for (const QString &translation : m.translations) {
                if (translation.trimmed().isEmpty()) {
                    problems << QStringLiteral("empty translation: ") + m.describe();
                    break;
                }
                if (argMarkers(translation) != markers) {
                    problems << QStringLiteral(
                                    "translation \"%1\" does not use %2 like its source: ")
                                        .arg(translation, markers.join(QLatin1Char(' '))) +
                                    m.describe();
                }
            }
            if (m.translations.isEmpty())
                problems << QStringLiteral("no translation: ") + m.describe();
        }
        for (const Message &m : committed) {
            if (!after.contains(m.key()))
                problems << QStringLiteral("vanished from the code, still in the .ts: ") +
                                m.describe();
        }

        if (!problems.isEmpty()) {
            QFAIL(
                qPrintable(QStringLiteral("%1 is not complete and up to date (%2 problems):\n  %3\n"
                                          "Refresh it with `cmake --build <build dir> --target "
                                          "clipshelf_qml_lupdate`, then translate in Qt Linguist.")
                               .arg(tsFile)
                               .arg(problems.size())
                               .arg(problems.join(QStringLiteral("\n  ")))));
        }
        qInfo("%s: %lld messages, all translated", qPrintable(QFileInfo(tsFile).fileName()),
              qint64(updated.size()));
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)

#include "tst_translations_complete.moc"
