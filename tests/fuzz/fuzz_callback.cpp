// The loopback callback request (auth/callbackrequest.h, what LoopbackListener
// decides on). The first input byte picks the expectation (issuer required,
// state already used); the rest is the request head. Invariants: only a GET of
// /callback carrying exactly this attempt's state, once, is the attempt's; a code
// handed on is non-empty visible ASCII; provider text is plain and bounded; the
// refusals before the state check do not depend on the expectation.
#include "auth/callbackrequest.h"
#include "core/tokensyntax.h"
#include "fuzzsupport.h"

#include <QUrl>

using namespace clipshelf;
using callbackrequest::Decision;
using Kind = Decision::Kind;

namespace {

const QByteArray kState = QByteArrayLiteral("s-0123456789abcdef0123");
const QString kIssuer = QStringLiteral("https://issuer.example");

bool sameDecision(const Decision &a, const Decision &b)
{
    return a.kind == b.kind && a.code == b.code && a.issuer == b.issuer && a.error == b.error &&
           a.errorDescription == b.errorDescription;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    callbackrequest::Expectation expect;
    expect.state = kState;
    expect.issuer = kIssuer;
    expect.issuerRequired = data[0] & 1;
    expect.consumed = data[0] & 2;
    const QByteArray head = fuzz::rawBytes(data + 1, size - 1);

    const Decision d = callbackrequest::decide(head, expect);
    FUZZ_CHECK(sameDecision(d, callbackrequest::decide(head, expect)),
               "the same request decided twice differs");
    FUZZ_CHECK(d.matchesState() == (d.refusalStatus() == 0), "a refusal without a status");

    if (d.matchesState()) {
        FUZZ_CHECK(!expect.consumed, "a used state accepted again");
        FUZZ_CHECK(head.startsWith("GET "), "the attempt's callback is not a GET");
        const qsizetype lineEnd = head.indexOf("\r\n");
        const QByteArray target = (lineEnd < 0 ? head : head.left(lineEnd)).split(' ').value(1);
        FUZZ_CHECK(QUrl(QString::fromLatin1(target)).path() == QLatin1String("/callback"),
                   "the attempt's callback is not /callback");
        // Another attempt (another state) never takes this callback.
        callbackrequest::Expectation other = expect;
        other.state = QByteArrayLiteral("s-another-attempt-state");
        const Decision o = callbackrequest::decide(head, other);
        FUZZ_CHECK(o.kind == Kind::UnknownSignIn, "a callback matched two different states");
        // Nor does a sign-in that is not waiting.
        other.state.clear();
        FUZZ_CHECK(callbackrequest::decide(head, other).kind == Kind::UnknownSignIn,
                   "a callback matched while no sign-in waits");
    } else {
        // The refusals before the state check do not depend on what is expected.
        callbackrequest::Expectation other = expect;
        other.consumed = !expect.consumed;
        const Decision o = callbackrequest::decide(head, other);
        if (d.kind != Kind::UnknownSignIn)
            FUZZ_CHECK(o.kind == d.kind, "a malformed request decided differently by expectation");
    }

    switch (d.kind) {
    case Kind::Code:
        FUZZ_CHECK(!d.code.isEmpty() && tokensyntax::isVisibleAscii(d.code),
                   "a code with bad characters");
        FUZZ_CHECK(!expect.issuerRequired || head.contains("iss="),
                   "a code without the required iss");
        break;
    case Kind::WrongIssuer:
        FUZZ_CHECK(d.issuer != kIssuer, "the expected issuer called wrong");
        break;
    case Kind::ProviderError:
        FUZZ_CHECK(fuzz::isPlainText(d.error, 64, fuzz::Edges::NoSpace),
                   "the provider's error code is not short plain text");
        FUZZ_CHECK(fuzz::isPlainText(d.errorDescription, 300, fuzz::Edges::NoSpace),
                   "the provider's description is not plain text");
        break;
    default:
        FUZZ_CHECK(d.code.isEmpty() && d.error.isEmpty(), "a refusal carries a code or an error");
        break;
    }
    return 0;
}
