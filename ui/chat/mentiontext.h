// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace cody {

/**
 * @brief The @-mention being typed at the caret, read from the message box's text (pure).
 *
 * `@` starts a mention at the start of the text or after whitespace (so `a@b.com` is none), and
 * the mention runs to the next whitespace. What follows `@` is a repository name; a `:` after it
 * goes into the repository, `@github.com/org/repo:src/ma` naming a path there, and a last
 * `:10-20` (or `:10`) a range of lines, 1-based and inclusive.
 */
struct MentionText
{
    Q_DECLARE_TR_FUNCTIONS(MentionText)

public:
    int start = 0; ///< index of the `@`
    int end = 0; ///< one past the mention's last character
    QString repository; ///< what is typed after `@`, up to a `:`
    bool inRepository = false; ///< a `:` follows the repository name
    QString path; ///< after the `:`, without a line range
    bool hasRange = false; ///< a `:` follows the path: a line range is being typed
    int startLine = 0; ///< 0 until typed
    int endLine = 0; ///< 0 until typed; equals startLine for `:10`
    QString rangeProblem; ///< why the typed range is not one, e.g. "20-10"

    /// The mention that the caret at `cursor` is in or at the end of, or nullopt.
    static std::optional<MentionText> at(const QString &text, int cursor);
    /// The mention of `repository` ("@repo"), or of `path` in it ("@repo:path"; an empty path
    /// gives "@repo:", which lists the repository's files and folders).
    static QString typed(
        const QString &repository, const std::optional<QString> &path = std::nullopt);
    /// Whether a range has been typed completely and is valid.
    bool rangeComplete() const
    {
        return hasRange && rangeProblem.isEmpty() && startLine > 0 && endLine >= startLine;
    }
};

} // namespace cody
