// The fast JSON scanner (library/jsonscanner.h) read into QJsonValues, and a
// value comparison, so that tests and the fuzz target can hold the scanner
// against QJsonDocument on the same bytes.
#pragma once

#include "library/jsonscanner.h"
#include "library/videojson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace clipshelf::scannerparity {

using videojson::detail::Reader;

/// A JSON value read with the scanner's primitives (what QJsonDocument would build).
inline bool readValue(Reader &r, QJsonValue *out, int depth = 0)
{
    if (depth > videojson::detail::kMaxDepth)
        return r.fail("nested too deeply");
    r.ws();
    if (r.m_p >= r.m_end)
        return r.fail("unexpected end");
    switch (*r.m_p) {
    case '{': {
        QJsonObject o;
        const bool ok = r.object([&](QByteArrayView key) {
            QString k;
            QJsonValue v;
            if (!r.decode(key.data(), key.size(), true, false, &k) || !readValue(r, &v, depth + 1))
                return false;
            o.insert(k, v);
            return true;
        });
        *out = o;
        return ok;
    }
    case '[': {
        QJsonArray a;
        const bool ok = r.array([&] {
            QJsonValue v;
            if (!readValue(r, &v, depth + 1))
                return false;
            a.append(v);
            return true;
        });
        *out = a;
        return ok;
    }
    case '"': {
        QString s;
        const bool ok = r.string(&s);
        *out = s;
        return ok;
    }
    case 't':
        *out = true;
        return r.literal("true");
    case 'f':
        *out = false;
        return r.literal("false");
    case 'n':
        *out = QJsonValue(QJsonValue::Null);
        return r.literal("null");
    default: {
        double d = 0;
        const bool ok = r.number(&d);
        *out = d;
        return ok;
    }
    }
}

/// Whether \a a and \a b are the same JSON value (numbers compared as doubles).
inline bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (const QString &k : x.keys())
            if (!sameValue(x.value(k), y.value(k)))
                return false;
        return true;
    }
    default:
        return a == b;
    }
}

} // namespace clipshelf::scannerparity
