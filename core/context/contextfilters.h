// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace cody {

/**
 * @brief The site's Cody context filters (`cody.contextFilters`, "Cody Ignore"): which
 * repositories' code may be used as context (pure). context.md §6.
 *
 * A repository is left out when `include` is non-empty and no include pattern matches its name,
 * or when any exclude pattern matches. Patterns are RE2 regular expressions matched anywhere in
 * the name (an unanchored find), here with QRegularExpression: RE2's syntax is, apart from
 * exotic escapes, a subset of PCRE's, and RE2 refuses what PCRE would add (look-around,
 * back-references), so a pattern the server accepts means the same here.
 *
 * Filters that cannot be understood (a shape other than the documented one, a pattern that does
 * not compile) exclude everything, with the reason: leaving out context is safe, sending code the
 * site forbids is not.
 */
class ContextFilters
{
public:
    /// What an instance without filters (or too old for them) allows: everything.
    static ContextFilters includeEverything();
    /// Everything left out, saying why ("the context filters could not be read: …").
    static ContextFilters excludeEverything(const QString &reason);
    /// From `codyContextFilters.raw`: an object with optional `include` and `exclude` lists of
    /// `{repoNamePattern, filePathPatterns?}` (either may be null).
    static ContextFilters fromRaw(const QJsonValue &raw);

    /// True when `repoName` may be used; otherwise `why` (if given) says which rule left it out.
    bool isRepositoryAllowed(const QString &repoName, QString *why = nullptr) const;
    bool includesEverything() const
    {
        return !m_excludeAll && m_include.isEmpty() && m_exclude.isEmpty();
    }
    bool excludesEverything() const { return m_excludeAll; }

    friend bool operator==(const ContextFilters &a, const ContextFilters &b);

private:
    struct Rule
    {
        QString pattern;
        QRegularExpression regex;
    };
    static std::optional<QList<Rule>> rules(const QJsonValue &list, QString *problem);

    QList<Rule> m_include;
    QList<Rule> m_exclude;
    bool m_excludeAll = false;
    QString m_excludeAllReason;
};

} // namespace cody
