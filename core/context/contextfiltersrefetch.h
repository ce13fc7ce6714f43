// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>

namespace cody {

/**
 * @brief When to fetch the context filters again (pure). context.md §6: 1 h after an answer
 * that can be trusted (Durable), 7 s after a failure, growing ×1.5 with each failure in a row
 * (Transient).
 *
 * Two choices of ours, because Cody fetches on demand and we on a timer: the first failure waits
 * 7 s (Cody's lazy fetch starts its backoff at 0 ms, which a timer would turn into a busy loop),
 * and the backoff stops growing at the durable hour.
 */
class ContextFiltersRefetch
{
public:
    enum class Hint { Durable, Transient };

    static constexpr std::chrono::milliseconds DurableInterval = std::chrono::hours(1);
    static constexpr std::chrono::milliseconds TransientInterval = std::chrono::seconds(7);
    static constexpr double TransientBackoff = 1.5;

    /// The delay before the next fetch, after a fetch whose answer gave `hint`.
    std::chrono::milliseconds next(Hint hint);

private:
    std::optional<Hint> m_last;
    std::chrono::milliseconds m_delay {0};
};

} // namespace cody
