#pragma once

#include <QJsonObject>
#include <QString>

namespace clipshelf::bench {

/// Writes one result line, "BENCH {json}", to stdout and flushes it. The
/// harness reads only these lines; everything else on stdout/stderr is log.
void emitResult(const QJsonObject &result);

/// Writes "BENCH {"error": message}" and a plain sentence on stderr.
void emitError(const QString &message);

} // namespace clipshelf::bench
