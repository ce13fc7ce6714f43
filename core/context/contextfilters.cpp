// SPDX-License-Identifier: Apache-2.0
#include "context/contextfilters.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cody::ContextFilters", text);
}

} // namespace

ContextFilters ContextFilters::includeEverything()
{
    return {};
}

ContextFilters ContextFilters::excludeEverything(const QString &reason)
{
    ContextFilters filters;
    filters.m_excludeAll = true;
    filters.m_excludeAllReason = reason;
    return filters;
}

std::optional<QList<ContextFilters::Rule>> ContextFilters::rules(
    const QJsonValue &list, QString *problem)
{
    QList<Rule> rules;
    if (list.isNull() || list.isUndefined())
        return rules;
    if (!list.isArray()) {
        *problem = tr("a filter list is not a list");
        return std::nullopt;
    }
    for (const QJsonValue &item : list.toArray()) {
        const QJsonValue pattern = item.toObject().value("repoNamePattern"_L1);
        if (!pattern.isString()) {
            *problem = tr("a filter has no repoNamePattern");
            return std::nullopt;
        }
        Rule rule {pattern.toString(), QRegularExpression(pattern.toString())};
        if (!rule.regex.isValid()) {
            *problem = tr("the pattern \"%1\" is not a regular expression this client understands "
                          "(%2)")
                           .arg(rule.pattern, rule.regex.errorString());
            return std::nullopt;
        }
        // filePathPatterns are typed but "Not implemented" in Cody: ignored here too.
        rules.append(std::move(rule));
    }
    return rules;
}

ContextFilters ContextFilters::fromRaw(const QJsonValue &raw)
{
    const QString unreadable = tr("the context filters could not be read, so no repository is "
                                  "used (%1)");
    if (!raw.isObject())
        return excludeEverything(unreadable.arg(tr("they are not an object")));
    const QJsonObject object = raw.toObject();
    QString problem;
    const auto include = rules(object.value("include"_L1), &problem);
    const auto exclude = include ? rules(object.value("exclude"_L1), &problem) : std::nullopt;
    if (!include || !exclude)
        return excludeEverything(unreadable.arg(problem));
    ContextFilters filters;
    filters.m_include = *include;
    filters.m_exclude = *exclude;
    return filters;
}

bool ContextFilters::isRepositoryAllowed(const QString &repoName, QString *why) const
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (m_excludeAll)
        return refuse(m_excludeAllReason);
    if (!m_include.isEmpty()) {
        const bool included = std::any_of(m_include.cbegin(), m_include.cend(),
            [&repoName](const Rule &rule) { return rule.regex.match(repoName).hasMatch(); });
        if (!included)
            return refuse(tr("excluded by the context filters (%1 matches no include pattern)")
                              .arg(repoName));
    }
    for (const Rule &rule : m_exclude) {
        if (rule.regex.match(repoName).hasMatch())
            return refuse(
                tr("excluded by the context filters (exclude pattern \"%1\")").arg(rule.pattern));
    }
    if (why)
        why->clear();
    return true;
}

bool operator==(const ContextFilters &a, const ContextFilters &b)
{
    const auto patterns = [](const QList<ContextFilters::Rule> &rules) {
        QStringList list;
        for (const auto &rule : rules)
            list.append(rule.pattern);
        return list;
    };
    return a.m_excludeAll == b.m_excludeAll && a.m_excludeAllReason == b.m_excludeAllReason
        && patterns(a.m_include) == patterns(b.m_include)
        && patterns(a.m_exclude) == patterns(b.m_exclude);
}

} // namespace cody
