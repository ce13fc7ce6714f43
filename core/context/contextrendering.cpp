// SPDX-License-Identifier: Apache-2.0
#include "context/contextrendering.h"

#include "context/contextdeduplication.h"
#include "context/languageids.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

bool isUserRangeOfLocalFile(const ContextItem &item)
{
    return item.kind == ContextItem::Kind::LocalFile && item.source == ContextItem::Source::User
        && item.hasRange() && item.omittedReason.isEmpty();
}

/// Cody's displayLineRange: "5" for one line, "1-6" for several.
QString lineRange(const ContextItem &item)
{
    if (item.startLine == item.endLine)
        return QString::number(item.startLine);
    return QString::number(item.startLine) + u'-' + QString::number(item.endLine);
}

} // namespace

QString ContextRendering::acknowledgement()
{
    return u"Ok."_s;
}

bool ContextRendering::isBlank(const ContextItem &item)
{
    return item.source != ContextItem::Source::User && item.content.trimmed().isEmpty();
}

QString ContextRendering::displayPath(const ContextItem &item, const QString &localRoot)
{
    QString path;
    if (item.kind == ContextItem::Kind::LocalFile) {
        path = QDir::cleanPath(QDir::fromNativeSeparators(item.path));
        const QString root = QDir::cleanPath(QDir::fromNativeSeparators(localRoot));
        if (!localRoot.isEmpty() && path.startsWith(root + u'/'))
            path = path.mid(root.size() + 1);
        else if (!localRoot.isEmpty() && root == u"/"_s && path.startsWith(u'/'))
            path = path.mid(1);
    } else {
        QStringView relative = item.path;
        while (relative.startsWith(u'/'))
            relative = relative.mid(1);
        path = u'/' + relative.toString();
    }
    // Cody's PromptString.sanitizeDisplayPath: a path with spaces would end the fence's info
    // string early.
    return path.replace(u' ', "%20"_L1);
}

ContextRendering::Template ContextRendering::templateFor(
    const ContextItem &item, const QList<ContextItem> &items)
{
    if (!ContextDeduplication::isFile(item))
        return Template::None;
    if (item.kind != ContextItem::Kind::LocalFile || item.source != ContextItem::Source::User)
        return Template::Code;
    if (item.hasRange())
        return Template::Selection;
    for (const ContextItem &other : items) {
        if (isUserRangeOfLocalFile(other) && ContextDeduplication::sameFile(other, item))
            return Template::FilePath;
    }
    return Template::Code;
}

QString ContextRendering::render(
    const ContextItem &item, Template form, PromptFormat format, const QString &localRoot)
{
    if (form == Template::None || isBlank(item))
        return {};
    const QString path = displayPath(item, localRoot);
    switch (form) {
    case Template::Selection:
        return u"My selected code from codebase file "_s + path + u':' + lineRange(item)
            + u":\n```\n"_s + item.content + u"```"_s;
    case Template::FilePath:
        return u"Codebase context from file path "_s + path + u": "_s + item.content;
    case Template::Code:
    case Template::None:
        break;
    }
    // A local file's repository (if one was resolved, for the context filters) is not named: its
    // path is already the one the user knows it by (FX/31).
    const bool remote = item.kind != ContextItem::Kind::LocalFile && !item.repoName.isEmpty();
    const QString inRepository = remote ? u" in repository "_s + item.repoName : QString();
    const QString fence = LanguageIds::forPath(item.path)
        + (format == PromptFormat::Current ? u':' + path : QString());
    return u"Codebase context from file "_s + path + inRepository + u":\n```"_s + fence + u'\n'
        + item.content + u"```"_s;
}

} // namespace cody
