#include "benchoutput.h"

#include <cstdio>
#include <QJsonDocument>

namespace clipshelf::bench {

void emitResult(const QJsonObject &result)
{
    const QByteArray line = "BENCH " + QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void emitError(const QString &message)
{
    emitResult(QJsonObject{{QStringLiteral("error"), message}});
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    std::fflush(stderr);
}

} // namespace clipshelf::bench
