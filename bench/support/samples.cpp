#include "samples.h"

#include <algorithm>

namespace clipshelf::bench {

double Samples::median() const
{
    if (m_values.isEmpty())
        return 0;
    QList<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double Samples::min() const
{
    return m_values.isEmpty() ? 0 : *std::min_element(m_values.begin(), m_values.end());
}

double Samples::max() const
{
    return m_values.isEmpty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
}

QJsonArray Samples::toJson() const
{
    QJsonArray out;
    for (double v : m_values)
        out.append(v);
    return out;
}

} // namespace clipshelf::bench
