// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace cody {

/**
 * @brief The few words of a message around its first match, for a search hit: what FTS5's
 * snippet() shows, made from the text alone.
 *
 * FTS5 would look each hit up again in the index, about a millisecond per hit over a million
 * messages; this reads only the message. Words are compared the way the index's tokenizer
 * (unicode61, remove_diacritics 2) folds them, closely enough to find the match it found.
 */
class SearchSnippet
{
public:
    /// `words` as typed; when `lastIsPrefix`, the last one matches any word it begins.
    SearchSnippet(const QStringList &words, bool lastIsPrefix);

    /// Up to `length` words of `text` from a little before its first match, each match wrapped
    /// in [[ and ]], with "…" where the text goes on. The start of the text when nothing matches.
    QString make(const QString &text, int length = 16) const;

    /// Lower case without diacritics, as the index stores a word.
    static QString fold(QStringView word);

private:
    bool matches(QStringView word) const;

    QStringList m_exact;
    QString m_prefix;
};

} // namespace cody
