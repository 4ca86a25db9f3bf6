// configsyntax: the value syntax of ports, authorization parameters and profile names.
#include "core/configsyntax.h"

#include <QTest>

using namespace clipshelf;

class TestConfigSyntax : public QObject
{
    Q_OBJECT
private slots:
    void profileNames()
    {
        QVERIFY(configsyntax::isValidProfileName(QStringLiteral("work-2_a")));
        QVERIFY(configsyntax::isValidProfileName(QString(64, u'a')));
        QVERIFY(!configsyntax::isValidProfileName(QString(65, u'a')));
        QVERIFY(!configsyntax::isValidProfileName(QString()));
        QVERIFY(!configsyntax::isValidProfileName(QStringLiteral("a\n")));
        QVERIFY(!configsyntax::isValidProfileName(QStringLiteral("a/b")));
        QVERIFY(!configsyntax::isValidProfileName(QStringLiteral("ä")));
    }

    void ports()
    {
        QString error;
        QCOMPARE(configsyntax::parsePorts(QStringLiteral(" 8080, 1,65535"), &error),
                 (QList<quint16>{8080, 1, 65535}));
        QCOMPARE(configsyntax::parsePorts(QString(), &error), QList<quint16>{});
        QVERIFY(!configsyntax::parsePorts(QStringLiteral("80,0"), &error));
        QVERIFY(error.contains(QStringLiteral("\"0\"")));
        QVERIFY(!configsyntax::parsePorts(QStringLiteral("65536"), &error));
        QVERIFY(!configsyntax::parsePorts(QStringLiteral("http"), &error));
    }

    void authParamsRoundTrip()
    {
        QString error;
        const auto joined = configsyntax::joinAuthParamFlags(
            {QStringLiteral("prompt=consent"), QStringLiteral("a&b=c=d")}, &error);
        QVERIFY(joined);
        const auto params = configsyntax::parseAuthParams(*joined, &error);
        QVERIFY(params);
        QCOMPARE(params->size(), 2);
        QCOMPARE(params->at(0), qMakePair(QStringLiteral("prompt"), QStringLiteral("consent")));
        QCOMPARE(params->at(1), qMakePair(QStringLiteral("a&b"), QStringLiteral("c=d")));
    }

    void authParamsRefused()
    {
        QString error;
        QVERIFY(!configsyntax::joinAuthParamFlags({QStringLiteral("=x")}, &error));
        QVERIFY(!configsyntax::parseAuthParams(QStringLiteral("novalue"), &error));
        QVERIFY(!configsyntax::parseAuthParams(QStringLiteral("state=x"), &error));
        QVERIFY(error.contains(QStringLiteral("state")));
        QVERIFY(!configsyntax::parseAuthParams(QStringLiteral("redirect_uri=x"), &error));
    }
};

QTEST_GUILESS_MAIN(TestConfigSyntax)
#include "tst_configsyntax.moc"
