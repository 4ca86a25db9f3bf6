#include "testissuer.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMessageAuthenticationCode>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

namespace testsupport {

namespace {

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        qFatal("EVP_PKEY_get_bn_param failed");
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

} // namespace

TestKey TestKey::rsa(const QString &kid)
{
    TestKey k;
    k.kid = kid;
    k.alg = QStringLiteral("RS256");
    k.m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)), EVP_PKEY_free);
    if (!k.m_key)
        qFatal("RSA keygen failed");
    return k;
}

TestKey TestKey::ec(const QString &kid)
{
    TestKey k;
    k.kid = kid;
    k.alg = QStringLiteral("ES256");
    k.m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
    if (!k.m_key)
        qFatal("EC keygen failed");
    return k;
}

QJsonObject TestKey::jwk() const
{
    QJsonObject o{{QStringLiteral("kid"), kid},
                  {QStringLiteral("use"), QStringLiteral("sig")},
                  {QStringLiteral("alg"), alg}};
    if (alg == QLatin1String("RS256")) {
        o.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        o.insert(QStringLiteral("n"),
                 QString::fromLatin1(b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N))));
        o.insert(QStringLiteral("e"),
                 QString::fromLatin1(b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E))));
    } else {
        unsigned char point[65];
        size_t len = 0;
        if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, point,
                                            sizeof point, &len) != 1 ||
            len != 65)
            qFatal("EC public point export failed");
        const QByteArray raw(reinterpret_cast<const char *>(point), 65);
        o.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        o.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        o.insert(QStringLiteral("x"), QString::fromLatin1(b64(raw.mid(1, 32))));
        o.insert(QStringLiteral("y"), QString::fromLatin1(b64(raw.mid(33, 32))));
    }
    return o;
}

QByteArray TestKey::sign(const QByteArray &input) const
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t len = 0;
    if (EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(md, nullptr, &len,
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size())) != 1)
        qFatal("sign init failed");
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size())) != 1)
        qFatal("sign failed");
    EVP_MD_CTX_free(md);
    sig.resize(qsizetype(len));
    if (alg == QLatin1String("RS256"))
        return sig;
    // DER ECDSA-Sig-Value -> r||s
    const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
    ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
    QByteArray raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(es);
    return raw;
}

QByteArray TestKey::publicPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(len));
    BIO_free(bio);
    return pem;
}

QByteArray compactJws(const QJsonObject &header, const QJsonObject &payload,
                      const std::function<QByteArray(const QByteArray &)> &signer)
{
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' + b64(signer(input));
}

QByteArray hs256(const QByteArray &secret, const QByteArray &input)
{
    return QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
}

TestIssuer::TestIssuer(QObject *parent) : QObject(parent) {}

TestIssuer::~TestIssuer() = default;

bool TestIssuer::start()
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection())
                serve(s);
        });
    }
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

void TestIssuer::stop()
{
    m_server->close();
}

QString TestIssuer::issuer() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QUrl TestIssuer::jwksUrl() const
{
    return QUrl(issuer() + QStringLiteral("/jwks"));
}

void TestIssuer::publish(const TestKey &key)
{
    m_keys.append(key);
}

void TestIssuer::unpublishAll()
{
    m_keys.clear();
}

void TestIssuer::setUserInfo(const QString &sub, const QJsonObject &claims)
{
    m_userInfo.insert(sub, claims);
}

QByteArray TestIssuer::token(const TestKey &key, const QJsonObject &overrides,
                             const QJsonObject &headerOverrides) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{QStringLiteral("iss"), issuer()},
                       {QStringLiteral("aud"), audience},
                       {QStringLiteral("sub"), QStringLiteral("user_alice")},
                       {QStringLiteral("email"), QStringLiteral("alice@example.com")},
                       {QStringLiteral("name"), QStringLiteral("Alice")},
                       {QStringLiteral("iat"), now},
                       {QStringLiteral("exp"), now + 300}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isNull())
            claims.remove(it.key());
        else
            claims.insert(it.key(), it.value());
    }
    QJsonObject header{{QStringLiteral("alg"), key.alg},
                       {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                       {QStringLiteral("kid"), key.kid}};
    for (auto it = headerOverrides.begin(); it != headerOverrides.end(); ++it) {
        if (it.value().isNull())
            header.remove(it.key());
        else
            header.insert(it.key(), it.value());
    }
    return compactJws(header, claims, [&key](const QByteArray &input) { return key.sign(input); });
}

void TestIssuer::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // Requests from QNetworkAccessManager are small GETs: collect headers, answer once.
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        *buffer += socket->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QByteArray path = lines.first().split(' ').value(1);
        QByteArray auth;
        for (const QByteArray &l : lines) {
            if (l.toLower().startsWith("authorization:"))
                auth = l.mid(l.indexOf(':') + 1).trimmed();
        }
        buffer->clear();
        int status = 200;
        QJsonObject body;
        if (path == "/.well-known/openid-configuration") {
            ++discoveryHits;
            body = {{QStringLiteral("issuer"),
                     discoveryIssuerOverride.isEmpty() ? issuer() : discoveryIssuerOverride},
                    {QStringLiteral("jwks_uri"), jwksUrl().toString()},
                    {QStringLiteral("userinfo_endpoint"), issuer() + QStringLiteral("/userinfo")}};
        } else if (path == "/jwks") {
            ++jwksHits;
            QJsonArray keys;
            for (const TestKey &k : m_keys)
                keys.append(k.jwk());
            body = {{QStringLiteral("keys"), keys}};
        } else if (path == "/userinfo") {
            ++userinfoHits;
            // The test provider trusts its own tokens: read sub from the payload.
            const QList<QByteArray> parts = auth.mid(7).split('.');
            const QJsonObject claims =
                QJsonDocument::fromJson(
                    QByteArray::fromBase64(parts.value(1), QByteArray::Base64UrlEncoding))
                    .object();
            const QString sub = claims.value(QStringLiteral("sub")).toString();
            status = m_userInfo.contains(sub) ? 200 : 401;
            body = m_userInfo.value(sub);
            body.insert(QStringLiteral("sub"), sub);
        } else {
            status = 404;
        }
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      " X\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" + json);
        socket->disconnectFromHost();
    });
}

} // namespace testsupport
