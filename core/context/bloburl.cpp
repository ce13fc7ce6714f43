// SPDX-License-Identifier: Apache-2.0
#include "context/bloburl.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString basePath(const QUrl &base)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

QUrl BlobUrl::make(
    const QUrl &base, const QString &repoName, const QString &path, int startLine, int endLine)
{
    QUrl url = base;
    url.setPath(basePath(base) + u'/' + repoName + u"/-/blob/"_s + path);
    url.setQuery(startLine > 0 ? u"L%1-%2"_s.arg(startLine).arg(endLine) : QString());
    url.setFragment({});
    return url;
}

QUrl BlobUrl::resolve(const QUrl &base, const QString &relative)
{
    if (relative.isEmpty())
        return {};
    const QUrl link(relative);
    if (!link.isRelative())
        return link;
    QUrl url = base;
    url.setPath(basePath(base) + (relative.startsWith(u'/') ? u""_s : u"/"_s) + link.path());
    url.setQuery(link.query());
    url.setFragment(link.fragment());
    return url;
}

} // namespace cody
