// The video list's JSON: the fast scanner (library/jsonscanner.h) and
// videojson::parseLibrary, differentially against QJsonDocument. Invariants:
//  - a document the scanner reads, QJsonDocument reads, to the same values
//    (so whatever QJsonDocument refuses, the scanner refuses);
//  - a library parseLibrary accepts is exactly what QJsonDocument sees in the
//    same bytes (ids, strings, tags, times, count, next_cursor);
//  - writeLibrary of it parses back to the same library (the cache round trip);
//  - the QJsonDocument-based readers of API answers (api/apitypes.h) read any
//    object, and read an accepted library's videos alike.
#include "../support/scannerparity.h"
#include "api/apitypes.h"
#include "fuzzsupport.h"
#include "library/jsonscanner.h"
#include "library/videojson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace clipshelf;
using scannerparity::readValue;
using scannerparity::sameValue;
using videojson::detail::Reader;

namespace {

/// What a time member holds for the library: Qt's reading must agree where it has one.
void checkTime(qint64 ours, const QJsonValue &theirs, const char *what)
{
    if (theirs.isUndefined()) {
        FUZZ_CHECK(ours == 0, what);
        return;
    }
    FUZZ_CHECK(theirs.isString(), what);
    const QDateTime t = QDateTime::fromString(theirs.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        FUZZ_CHECK(ours == t.toMSecsSinceEpoch(), what);
}

/// \a v's text as the library keeps it: UTF-8, where an unpaired surrogate (a lone
/// "\\ud800" escape, which QJsonDocument keeps) can only be U+FFFD.
QString asStored(const QJsonValue &v)
{
    return QString::fromUtf8(v.toString().toUtf8());
}

void checkLibraryAgainstQt(const videojson::Library &lib, const QJsonObject &doc)
{
    FUZZ_CHECK(lib.count == doc.value(QLatin1String("count")).toDouble(0), "count differs");
    const QJsonValue cursor = doc.value(QLatin1String("next_cursor"));
    FUZZ_CHECK(cursor.isUndefined() || cursor.isNull() || cursor.isString(), "next_cursor type");
    FUZZ_CHECK(lib.nextCursor == cursor.toString(), "next_cursor differs");
    const QJsonValue videos = doc.value(QLatin1String("videos"));
    FUZZ_CHECK(videos.isUndefined() || videos.isArray(), "videos type");
    const QJsonArray list = videos.toArray();
    FUZZ_CHECK(qsizetype(lib.rows.size()) == list.size(), "number of videos differs");
    for (qsizetype i = 0; i < list.size(); ++i) {
        FUZZ_CHECK(list.at(i).isObject(), "a video that is not an object");
        const QJsonObject v = list.at(i).toObject();
        const VideoRow row = lib.rows[size_t(i)].toRow(lib.tags);
        FUZZ_CHECK(double(row.id) == v.value(QLatin1String("id")).toDouble(), "id differs");
        FUZZ_CHECK(row.youtubeId == asStored(v.value(QLatin1String("youtube_id"))),
                   "youtube_id differs");
        FUZZ_CHECK(!row.youtubeId.isEmpty(), "empty youtube_id accepted");
        FUZZ_CHECK(row.title == asStored(v.value(QLatin1String("title"))), "title differs");
        FUZZ_CHECK(row.notes == asStored(v.value(QLatin1String("notes"))), "notes differs");
        const QJsonValue url = v.value(QLatin1String("url"));
        if (url.isUndefined())
            FUZZ_CHECK(row.url.isEmpty(), "url without a url member");
        else
            FUZZ_CHECK(row.effectiveUrl() == asStored(url), "url differs");
        QStringList tags;
        for (const QJsonValue &t : v.value(QLatin1String("tags")).toArray())
            tags << asStored(t);
        FUZZ_CHECK(row.tags == tags, "tags differ");
        checkTime(row.createdMs, v.value(QLatin1String("created_at")), "created_at differs");
        checkTime(row.updatedMs, v.value(QLatin1String("updated_at")), "updated_at differs");
    }
}

bool sameLibrary(const videojson::Library &a, const videojson::Library &b)
{
    if (a.count != b.count || a.nextCursor != b.nextCursor || a.rows.size() != b.rows.size())
        return false;
    for (size_t i = 0; i < a.rows.size(); ++i) {
        const VideoRow x = a.rows[i].toRow(a.tags), y = b.rows[i].toRow(b.tags);
        if (x.id != y.id || x.createdMs != y.createdMs || x.updatedMs != y.updatedMs ||
            x.youtubeId != y.youtubeId || x.effectiveUrl() != y.effectiveUrl() ||
            x.title != y.title || x.notes != y.notes || x.tags != y.tags)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = fuzz::rawBytes(data, size);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const bool qtAccepts = error.error == QJsonParseError::NoError;

    // 1. Any document (QJsonDocument's top level is an object or an array).
    Reader r(json.constData(), json.constData() + json.size());
    r.setBegin(json.constData());
    QJsonValue ours;
    const bool weAccept = r.peek('{') || r.peek('[') ? readValue(r, &ours) && r.atEnd() : false;
    if (weAccept) {
        FUZZ_CHECK(qtAccepts, "the scanner accepts a document QJsonDocument refuses");
        FUZZ_CHECK(
            sameValue(ours, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object())),
            "the scanner reads other values than QJsonDocument");
    }
    FUZZ_CHECK(r.position() >= json.constData() && r.position() <= json.constData() + json.size(),
               "the scanner stopped outside its input");

    // 2. The library parser, and the API readers of the same document.
    const QJsonObject object = doc.object();
    const VideoPage page = VideoPage::fromJson(object);
    UserInfo::fromJson(object);
    TagCount::listFromJson(object);
    ActivityEvent::fromJson(object);
    ApiKeyInfo::fromJson(object);
    UserSettings::fromJson(object, QString());
    videojson::Library library;
    QString why;
    if (!videojson::parseLibrary(json, &library, &why)) {
        FUZZ_CHECK(!why.isEmpty(), "a refusal without a reason");
        return 0;
    }
    FUZZ_CHECK(qtAccepts && doc.isObject(), "parseLibrary accepts what QJsonDocument refuses");
    checkLibraryAgainstQt(library, object);
    FUZZ_CHECK(page.videos.size() == qsizetype(library.rows.size()) &&
                   page.count == library.count && page.nextCursor == library.nextCursor,
               "VideoPage::fromJson reads another page");
    for (qsizetype i = 0; i < page.videos.size(); ++i)
        FUZZ_CHECK(page.videos.at(i).id == library.rows[size_t(i)].id,
                   "VideoPage::fromJson reads another id");

    // 3. The cache round trip.
    const QByteArray written = videojson::writeLibrary(library);
    videojson::Library again;
    FUZZ_CHECK(videojson::parseLibrary(written, &again, &why),
               "writeLibrary wrote what it cannot read");
    FUZZ_CHECK(sameLibrary(library, again), "writeLibrary then parseLibrary changed the library");
    return 0;
}
