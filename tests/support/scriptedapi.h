#pragma once
// A scripted API for the unit tests of single classes that talk to it
// (LibraryChanges, LibraryLoader, OutboxReplayer, AccountSecurity,
// AccountProfile): each test sets answer() and reads the requests it got;
// ControllerBackend supplies the signed-in session, ApiClient, cache and outbox.

#include "controllerbackend.h"
#include "fakeprovider.h"

#include <QJsonDocument>

namespace clipshelf::test {

struct ScriptedApi
{
    FakeProvider server;
    /// What the API answers (by default 404 to everything).
    std::function<FakeResponse(const FakeRequest &)> answer = [](const FakeRequest &) {
        return FakeResponse{404, R"({"detail":"not found"})"};
    };

    ScriptedApi()
    {
        server.other = [this](const FakeRequest &r) { return answer(r); };
    }
    QUrl base() const { return QUrl(server.issuer() + "/api/v1"); }
    /// "METHOD /path" of every API request so far, in order.
    QStringList calls() const
    {
        QStringList out;
        for (const FakeRequest &r : server.requests)
            if (r.path.startsWith("/api/v1/"))
                out << QString::fromLatin1(r.method) + " " + r.path.mid(7);
        return out;
    }
    static FakeResponse json(const QByteArray &body, int status = 200)
    {
        return FakeResponse{status, body};
    }
    static FakeResponse noContent() { return FakeResponse{204, {}}; }
};

} // namespace clipshelf::test
