// Configuration: the INI config file (Config::load through QSettings), the
// --redirect-ports list (Config::parsePorts), the authorization parameters
// (Config::parseAuthParams) and the repeated --auth-param flags
// (Config::joinAuthParamFlags). The first input byte picks which; the rest is
// the file, the text, or one flag per line. Invariants: a loaded config holds
// only values that pass its own checks; ports are 1-65535 and survive a
// re-join; parameters never set a reserved name; flags joined and read back
// give the very key/value pairs given.
#include "core/config.h"
#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUrl>

using namespace clipshelf;

namespace {

const QStringList kReserved = {"client_id", "redirect_uri",   "response_type",         "state",
                               "nonce",     "code_challenge", "code_challenge_method", "scope",
                               "resource"};

QString configPath()
{
    static QTemporaryDir dir; // removed at exit
    return dir.filePath(QStringLiteral("clipshelf.conf"));
}

void checkIniFile(const QByteArray &ini)
{
    const QString path = configPath();
    {
        QFile f(path);
        FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate),
                   "cannot write the config file");
        f.write(ini);
    }
    Config::Paths paths;
    paths.userFile = path;
    QString error;
    const auto c = Config::load(nullptr, QProcessEnvironment(), paths, &error,
                                Config::LoadMode::KeepPlainHttp);
    if (!c) {
        FUZZ_CHECK(!error.isEmpty(), "a refused config without a message");
        return;
    }
    QString detail;
    FUZZ_CHECK(Config::isValidProfileName(c->value(Config::Key::Profile)),
               "an invalid profile loaded");
    FUZZ_CHECK(Config::parsePorts(c->value(Config::Key::RedirectPorts), &detail),
               "bad ports loaded");
    FUZZ_CHECK(Config::parseAuthParams(c->value(Config::Key::AuthParams), &detail),
               "bad auth params loaded");
    for (Config::Key key : {Config::Key::Issuer, Config::Key::ApiUrl}) {
        const QString v = c->value(key);
        const QUrl url(v, QUrl::StrictMode);
        FUZZ_CHECK(v.isEmpty() || (url.isValid() && !url.host().isEmpty() &&
                                   (url.scheme() == QLatin1String("https") ||
                                    url.scheme() == QLatin1String("http"))),
                   "a URL setting that is not an http(s) URL loaded");
    }
    for (Config::Key key : Config::allKeys())
        FUZZ_CHECK(c->source(key) != QLatin1String("unset"), "a key without a source");
}

void checkPorts(const QString &text)
{
    QString error;
    const auto ports = Config::parsePorts(text, &error);
    if (!ports) {
        FUZZ_CHECK(!error.isEmpty(), "refused ports without a message");
        return;
    }
    QStringList parts;
    for (quint16 p : *ports) {
        FUZZ_CHECK(p >= 1, "port 0 accepted");
        parts << QString::number(p);
    }
    FUZZ_CHECK(ports->size() == text.split(u',', Qt::SkipEmptyParts).size(),
               "a port lost or invented");
    FUZZ_CHECK(Config::parsePorts(parts.join(u','), &error) == ports,
               "ports change when written back");
}

void checkAuthParams(const QString &text)
{
    QString error;
    const auto params = Config::parseAuthParams(text, &error);
    if (!params) {
        FUZZ_CHECK(!error.isEmpty(), "refused parameters without a message");
        return;
    }
    FUZZ_CHECK(params->size() == text.split(u'&', Qt::SkipEmptyParts).size(),
               "a parameter lost or invented");
    for (const auto &[key, value] : *params) {
        FUZZ_CHECK(!key.isEmpty(), "a parameter without a name");
        FUZZ_CHECK(!kReserved.contains(key), "a reserved parameter accepted");
    }
}

void checkAuthParamFlags(const QStringList &flags)
{
    QString error;
    const auto joined = Config::joinAuthParamFlags(flags, &error);
    if (!joined) {
        FUZZ_CHECK(!error.isEmpty(), "refused flags without a message");
        return;
    }
    QList<QPair<QString, QString>> given;
    bool reserved = false;
    for (const QString &f : flags) {
        const qsizetype eq = f.indexOf(u'=');
        FUZZ_CHECK(eq > 0, "a flag without a key accepted");
        given.append({f.left(eq), f.mid(eq + 1)});
        reserved = reserved || kReserved.contains(f.left(eq));
    }
    const auto params = Config::parseAuthParams(*joined, &error);
    FUZZ_CHECK(bool(params) == !reserved,
               "joined flags refused for another reason than a reserved name");
    if (params)
        FUZZ_CHECK(*params == given, "--auth-param flags do not read back as given");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = fuzz::rawBytes(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0:
        checkIniFile(rest);
        break;
    case 1:
        checkPorts(QString::fromUtf8(rest));
        break;
    case 2:
        checkAuthParams(QString::fromUtf8(rest));
        break;
    default:
        checkAuthParamFlags(QString::fromUtf8(rest).split(u'\n'));
        break;
    }
    return 0;
}
