#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace clipshelf {

/// One step of a list diff: insert next[from, from + count) at pos, or remove count rows at pos.
struct ListRun
{
    bool insert = false;
    size_t pos = 0;
    size_t from = 0; ///< for an insert: index in the new list of the first inserted item
    size_t count = 0;
};

/**
 * The inserts and removes, in order, that turn \a old into \a next (both
 * sorted by \a before, items compared by ==); each run's pos is where it
 * applies in the list as it is being transformed. One merge-walk, so a view
 * keeps its scroll position. std::nullopt when more than \a maxRuns runs are
 * needed (then a reset is cheaper for the view).
 */
template <typename T, typename Before>
std::optional<std::vector<ListRun>> planListDiff(const std::vector<T> &old,
                                                 const std::vector<T> &next, const Before &before,
                                                 size_t maxRuns)
{
    std::vector<ListRun> runs;
    size_t i = 0, j = 0, pos = 0;
    while ((i < old.size() || j < next.size()) && runs.size() <= maxRuns) {
        if (i < old.size() && j < next.size() && old[i] == next[j]) {
            ++i, ++j, ++pos;
        } else if (j >= next.size() || (i < old.size() && before(old[i], next[j]))) {
            size_t n = 1;
            while (i + n < old.size() && (j >= next.size() || before(old[i + n], next[j])))
                ++n;
            runs.push_back({false, pos, 0, n});
            i += n;
        } else {
            size_t n = 1;
            while (j + n < next.size() &&
                   (i >= old.size() || (!before(old[i], next[j + n]) && old[i] != next[j + n])))
                ++n;
            runs.push_back({true, pos, j, n});
            j += n;
            pos += n;
        }
    }
    if (runs.size() > maxRuns)
        return std::nullopt;
    return runs;
}

} // namespace clipshelf
