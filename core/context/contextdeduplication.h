// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QList>

namespace cody {

/**
 * @brief When a context item repeats one already in the prompt (context.md §3.2; Cody's
 * `unique-context.ts`). Pure.
 *
 * Items are the same file when both are local with the same path, or both on the instance in the
 * same repository with the same path (Cody compares display paths only, so it would take two
 * repositories' `README.md` for one; we do not). For the same file, a candidate repeats a kept
 * item when
 * - the kept item is the whole file, unless the candidate is a line range the user added (the
 *   "@file:1-6 @file" pair of FX/32 sends both);
 * - both are line ranges that overlap or contain one another.
 * A whole file that comes after a range of it is not a repeat.
 *
 * @code
 * const qsizetype index = ContextDeduplication::duplicateOf(item, sent);
 * if (index >= 0)
 *     item.omittedReason = tr("duplicate of %1").arg(sent.at(index).displayName());
 * @endcode
 */
class ContextDeduplication
{
public:
    /// The index in `kept` of the first item that `candidate` repeats, or -1.
    static qsizetype duplicateOf(const ContextItem &candidate, const QList<ContextItem> &kept);

    static bool sameFile(const ContextItem &a, const ContextItem &b);
    /// True for two line ranges that share at least one line.
    static bool rangesOverlap(const ContextItem &a, const ContextItem &b);
    /// A file or a range of one (not a repository or folder to retrieve from).
    static bool isFile(const ContextItem &item);
};

} // namespace cody
