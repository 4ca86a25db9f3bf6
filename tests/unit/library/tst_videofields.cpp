// videofields: a video's fields checked as the server checks them, and its refusals in plain words.
#include "api/apierror.h"
#include "library/videofields.h"

#include <QTest>

using namespace clipshelf;

class TestVideoFields : public QObject
{
    Q_OBJECT
private slots:
    void tagsAreNormalised()
    {
        QStringList tags{" Music ", "music", "", "Live"};
        QString field;
        QCOMPARE(videofields::validate("Title", "Notes", &tags, &field), QString());
        QCOMPARE(tags, (QStringList{"music", "live"}));
        QVERIFY(field.isEmpty());
    }

    void limitsCountCodePoints()
    {
        QStringList tags;
        QString field;
        const QString emoji = QString::fromUtf8("😀"); // two UTF-16 units, one code point
        QCOMPARE(videofields::codePoints(emoji.repeated(300)), 300);
        QVERIFY(videofields::validate(emoji.repeated(300), {}, &tags, &field).isEmpty());
        QVERIFY(!videofields::validate(emoji.repeated(301), {}, &tags, &field).isEmpty());
        QCOMPARE(field, QString("title"));
        QVERIFY(!videofields::validate({}, QString(10'001, 'n'), &tags, &field).isEmpty());
        QCOMPARE(field, QString("notes"));
    }

    void tooManyOrTooLongTags()
    {
        QString field;
        QStringList tags{QString(41, 't')};
        const QString message = videofields::validate({}, {}, &tags, &field);
        QCOMPARE(field, QString("tags"));
        QVERIFY(message.contains(QString(40, 't') + u'…'));
        QStringList many;
        for (int i = 0; i < 21; ++i)
            many << QString::number(i);
        QVERIFY(!videofields::validate({}, {}, &many, &field).isEmpty());
        QCOMPARE(many.size(), 21); // untouched when refused
    }

    void aRefusalShowsAtItsField()
    {
        ApiError e;
        e.message = "The request is invalid.";
        e.fields = {FieldError{"tags[2]", "is too long"}};
        QCOMPARE(videofields::fieldProblem(e),
                 std::make_pair(QString("tags"), QString("is too long")));
        e.fields = {FieldError{"url", "is not a watch link."}};
        QCOMPARE(videofields::fieldProblem(e).first, QString("url"));
        QCOMPARE(videofields::fieldProblem(e).second,
                 QString("This link is not a YouTube video: it is not a watch link."));
        e.fields = {FieldError{"body", "bad"}};
        QCOMPARE(videofields::fieldProblem(e),
                 std::make_pair(QString(), QString("The request is invalid.")));
        e.fields.clear();
        QCOMPARE(videofields::fieldProblem(e).first, QString());
    }
};

QTEST_GUILESS_MAIN(TestVideoFields)
#include "tst_videofields.moc"
