// Configuration layers: built-in < system file < user file < environment < flags.
#include "core/config.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

class TestConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    std::optional<Config> load(const QStringList &args, const QProcessEnvironment &env,
                               const Config::Paths &paths, QString *error)
    {
        QCommandLineParser parser;
        Config::addOptions(parser);
        if (!parser.parse(QStringList{"clipshelf"} + args)) {
            *error = parser.errorText();
            return std::nullopt;
        }
        return Config::load(&parser, env, paths, error);
    }

private slots:
    void precedence()
    {
        Config::Paths paths;
        paths.systemFile =
            writeFile("system.conf", "issuer=https://system.example\nclient-id=system-client\n"
                                     "api_url=https://api.system.example\nresource=urn:system\n");
        paths.userFile =
            writeFile("user.conf", "client-id=user-client\napi-url=https://api.user.example\n");
        QProcessEnvironment env;
        env.insert("CLIPSHELF_API_URL", "https://api.env.example");
        env.insert("CLIPSHELF_SCOPES", "openid email");
        QString error;
        const auto c = load({"--scopes", "openid profile"}, env, paths, &error);
        QVERIFY2(c, qPrintable(error));

        QCOMPARE(c->issuer(), QString("https://system.example"));
        QVERIFY(c->source(Config::Key::Issuer).startsWith("system config"));
        QCOMPARE(c->clientId(), QString("user-client"));
        QVERIFY(c->source(Config::Key::ClientId).startsWith("user config"));
        QCOMPARE(c->apiUrl(), QUrl("https://api.env.example"));
        QCOMPARE(c->source(Config::Key::ApiUrl), QString("environment CLIPSHELF_API_URL"));
        QCOMPARE(c->scopes(), (QStringList{"openid", "profile"}));
        QCOMPARE(c->source(Config::Key::Scopes), QString("flag --scopes"));
        QCOMPARE(c->resource(), QString("urn:system"));
        QCOMPARE(c->profile(), QString("default"));
        QCOMPARE(c->source(Config::Key::Profile), QString("built-in default"));
    }

    void builtInScopes()
    {
        QString error;
        const auto c = load({}, QProcessEnvironment(), Config::Paths(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->scopes(), (QStringList{"openid", "profile", "email", "offline_access"}));
        QVERIFY(!c->missingForSignIn().isEmpty());
    }

    void authParamsFromFlagsAndEnv()
    {
        QProcessEnvironment env;
        env.insert("CLIPSHELF_AUTH_PARAMS", "prompt=consent&access_type=offline");
        QString error;
        auto c = load({}, env, {}, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->authParams().size(), 2);
        QCOMPARE(c->authParams().at(1), qMakePair(QString("access_type"), QString("offline")));

        c = load(
            {"--auth-param", "prompt=select_account", "--auth-param", "login_hint=a&b@example.com"},
            env, {}, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->authParams().size(), 2);
        QCOMPARE(c->authParams().at(0), qMakePair(QString("prompt"), QString("select_account")));
        QCOMPARE(c->authParams().at(1),
                 qMakePair(QString("login_hint"), QString("a&b@example.com")));
    }

    void authParamFlagsJoinAndReadBack()
    {
        // Each flag's value reaches the provider as given: '&', '=', '%', '+' and spaces included.
        const QStringList flags{"login_hint=a&b@example.com", "x=y=z", "k=%41+ b", "p%=q"};
        QString error;
        const auto joined = Config::joinAuthParamFlags(flags, &error);
        QVERIFY2(joined, qPrintable(error));
        const auto params = Config::parseAuthParams(*joined, &error);
        QVERIFY2(params, qPrintable(error));
        const QList<QPair<QString, QString>> expected{
            {"login_hint", "a&b@example.com"}, {"x", "y=z"}, {"k", "%41+ b"}, {"p%", "q"}};
        QCOMPARE(*params, expected);
        QVERIFY(!Config::joinAuthParamFlags({"prompt=consent", "=value"}, &error));
        QVERIFY2(error.contains("key=value"), qPrintable(error));
    }

    void badInputGetsClearMessages_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port") << QStringList{"--redirect-ports", "8080,http"} << "not a port";
        QTest::newRow("port range") << QStringList{"--redirect-ports", "70000"} << "not a port";
        QTest::newRow("profile") << QStringList{"--profile", "../etc"} << "profile name";
        QTest::newRow("profile newline") << QStringList{"--profile", "default\n"} << "profile name";
        QTest::newRow("auth param") << QStringList{"--auth-param", "novalue"} << "key=value";
        QTest::newRow("reserved param")
            << QStringList{"--auth-param", "state=x"} << "cannot be overridden";
        QTest::newRow("issuer") << QStringList{"--issuer", "ftp://x"} << "not an http(s) URL";
    }
    void badInputGetsClearMessages()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!load(args, QProcessEnvironment(), {}, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // Issue 13 item 5: a plain-http issuer or API URL elsewhere than this computer is refused.
    void plainHttpRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("issuer") << QStringList{"--issuer", "http://id.example.com"};
        QTest::newRow("api-url") << QStringList{"--issuer", "https://id.example.com", "--api-url",
                                                "http://api.example.com/v1"};
        QTest::newRow("issuer on the LAN") << QStringList{"--issuer", "http://192.168.1.10:4000"};
    }
    void plainHttpRefused()
    {
        QFETCH(QStringList, args);
        QString error;
        QVERIFY(!load(args, QProcessEnvironment(), {}, &error));
        QVERIFY2(error.contains("plain http") && error.contains("flag --"), qPrintable(error));

        // doctor and the app load it anyway, to say what is wrong; sign-in still refuses.
        QCommandLineParser parser;
        Config::addOptions(parser);
        QVERIFY(parser.parse(QStringList{"clipshelf"} + args));
        const auto kept = Config::load(&parser, QProcessEnvironment(), Config::Paths(), &error,
                                       Config::LoadMode::KeepPlainHttp);
        QVERIFY(kept);
        QVERIFY(kept->plainHttpProblem().contains("plain http"));
    }

    void loopbackHttpAllowed()
    {
        QString error;
        for (const char *host : {"127.0.0.1:4000", "localhost:4000", "[::1]:4000", "127.0.0.2"}) {
            const auto c = load({"--issuer", QString("http://") + host, "--api-url",
                                 QString("http://") + host + "/api/v1"},
                                QProcessEnvironment(), {}, &error);
            QVERIFY2(c, qPrintable(error));
            QVERIFY(c->plainHttpProblem().isEmpty());
        }
    }

    void portsInOrder()
    {
        QString error;
        const auto c =
            load({"--redirect-ports", "53682, 53683,53684"}, QProcessEnvironment(), {}, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->redirectPorts(), (QList<quint16>{53682, 53683, 53684}));
    }

    void providerNameDerivedFromIssuer()
    {
        Config c;
        c.set(Config::Key::Issuer, "https://accounts.google.com", "test");
        QCOMPARE(c.providerName(), QString("Google"));
        c.set(Config::Key::Issuer, "https://clerk.clipshelf.example", "test");
        QCOMPARE(c.providerName(), QString("Clerk"));
        c.set(Config::Key::ProviderName, "Acme ID", "test");
        QCOMPARE(c.providerName(), QString("Acme ID"));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
