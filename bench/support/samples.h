#pragma once

#include <QJsonArray>
#include <QList>

namespace clipshelf::bench {

/// Repeated measurements of one quantity (milliseconds, or any unit).
class Samples
{
public:
    void add(double value) { m_values.append(value); }
    int size() const { return int(m_values.size()); }
    bool isEmpty() const { return m_values.isEmpty(); }
    double median() const;
    double min() const;
    double max() const;
    /// The raw values, in the order they were measured.
    QJsonArray toJson() const;

private:
    QList<double> m_values;
};

/// Milliseconds between two monotonicNs() readings.
inline double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

} // namespace clipshelf::bench
