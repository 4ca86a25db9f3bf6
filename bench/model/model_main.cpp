// clipshelf-bench-model: the library model at 100,000 videos.
//
//   clipshelf-bench-model --json FILE [--reps N] [--tag T]... [--search S]...
//
// "load": VideoListModel::loadFromJson (JSON bytes -> rows, haystacks, tag
// ids, visible list) against QJsonDocument::fromJson of the same bytes alone,
// alternating, median of each. "filter": setFilter() for each tag and each
// search text (and a tag + text pair), then back to no filter; median per case.
// Prints one "BENCH {json}" line.

#include "benchclock.h"
#include "benchoutput.h"
#include "library/videolistmodel.h"
#include "samples.h"

#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace clipshelf;
using namespace clipshelf::bench;

namespace {

struct FilterCase
{
    QString name;
    QString text;
    QStringList tags;
};

QJsonObject benchLoad(const QByteArray &json, int reps, int *rows, QString *error)
{
    Samples model, document;
    for (int rep = 0; rep <= reps; ++rep) { // rep 0 warms up (page cache, allocator)
        for (int side = 0; side < 2; ++side) {
            const bool modelFirst = rep % 2 == 0;
            if ((side == 0) == modelFirst) {
                auto m = std::make_unique<VideoListModel>();
                const qint64 start = monotonicNs();
                const bool ok = m->loadFromJson(json, nullptr, nullptr, error);
                const qint64 end = monotonicNs();
                if (!ok)
                    return {};
                *rows = m->count();
                if (rep > 0)
                    model.add(msBetween(start, end));
            } else {
                const qint64 start = monotonicNs();
                QJsonParseError parseError{};
                const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
                const qint64 end = monotonicNs();
                if (doc.isNull()) {
                    *error = parseError.errorString();
                    return {};
                }
                if (rep > 0)
                    document.add(msBetween(start, end));
            }
        }
    }
    return {{"model_ms", model.median()},
            {"from_json_ms", document.median()},
            {"ratio", model.median() / document.median()},
            {"model_samples_ms", model.toJson()},
            {"from_json_samples_ms", document.toJson()}};
}

QJsonObject benchFilters(const QByteArray &json, const QList<FilterCase> &cases, int reps)
{
    VideoListModel model;
    model.loadFromJson(json);
    QJsonArray out;
    double worst = 0;
    Samples clears;
    for (const FilterCase &c : cases) {
        Samples times;
        int shown = 0;
        for (int rep = 0; rep <= reps; ++rep) {
            const qint64 start = monotonicNs();
            model.setFilter(c.text, c.tags);
            const qint64 mid = monotonicNs();
            shown = model.count();
            model.setFilter(QString(), {});
            const qint64 end = monotonicNs();
            if (rep > 0) {
                times.add(msBetween(start, mid));
                clears.add(msBetween(mid, end));
            }
        }
        worst = std::max(worst, times.median());
        out.append(QJsonObject{{"case", c.name},
                               {"text", c.text},
                               {"tags", QJsonArray::fromStringList(c.tags)},
                               {"rows_shown", shown},
                               {"ms", times.median()}});
    }
    return {{"cases", out},
            {"worst_ms", worst},
            {"clear_ms", clears.median()},
            {"rows", model.totalRows()}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("GET /videos body."),
                                        QStringLiteral("file"));
    const QCommandLineOption repsOption(QStringLiteral("reps"), QStringLiteral("Repetitions."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption tagOption(QStringLiteral("tag"),
                                       QStringLiteral("A tag to filter by (repeatable)."),
                                       QStringLiteral("tag"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
                                          QStringLiteral("A search text (repeatable)."),
                                          QStringLiteral("text"));
    parser.addOptions({jsonOption, repsOption, tagOption, searchOption});
    parser.process(app);

    QFile file(parser.value(jsonOption));
    if (!file.open(QIODevice::ReadOnly)) {
        emitError(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return 2;
    }
    const QByteArray json = file.readAll();
    const int reps = std::max(1, parser.value(repsOption).toInt());

    // Memory first, in a process that has not loaded anything yet: what the
    // model keeps per video (the JSON bytes are already in memory on both sides).
    qint64 modelKb = -1;
    {
        const qint64 before = readOwnMemory().rssKb;
        VideoListModel model;
        model.loadFromJson(json);
        modelKb = readOwnMemory().rssKb - before;
    }

    QString error;
    int rows = 0;
    const QJsonObject load = benchLoad(json, reps, &rows, &error);
    if (load.isEmpty()) {
        emitError(QStringLiteral("the model did not load the JSON: %1").arg(error));
        return 1;
    }

    QList<FilterCase> cases;
    const QStringList tags = parser.values(tagOption);
    const QStringList searches = parser.values(searchOption);
    for (const QString &tag : tags)
        cases.append({QStringLiteral("tag"), QString(), {tag}});
    if (tags.size() >= 2)
        cases.append({QStringLiteral("two tags"), QString(), tags.mid(0, 2)});
    for (const QString &text : searches)
        cases.append({QStringLiteral("search"), text, {}});
    if (!tags.isEmpty() && !searches.isEmpty())
        cases.append({QStringLiteral("search and tag"), searches.first(), {tags.first()}});

    emitResult({{"rows", rows},
                {"json_bytes", int(json.size())},
                {"repetitions", reps},
                {"model_rss_kb", modelKb},
                {"model_bytes_per_row", rows > 0 ? double(modelKb) * 1024 / rows : 0},
                {"load", load},
                {"filter", benchFilters(json, cases, reps)}});
    return 0;
}
