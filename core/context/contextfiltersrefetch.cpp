// SPDX-License-Identifier: Apache-2.0
#include "context/contextfiltersrefetch.h"

#include <algorithm>

namespace cody {

std::chrono::milliseconds ContextFiltersRefetch::next(Hint hint)
{
    if (hint == Hint::Durable) {
        m_delay = DurableInterval;
    } else if (m_last != Hint::Transient) {
        m_delay = TransientInterval;
    } else {
        const auto grown = std::chrono::milliseconds(
            static_cast<std::chrono::milliseconds::rep>(m_delay.count() * TransientBackoff));
        m_delay = std::min(grown, DurableInterval);
    }
    m_last = hint;
    return m_delay;
}

} // namespace cody
