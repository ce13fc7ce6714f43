// SPDX-License-Identifier: Apache-2.0
#include "context/contextdeduplication.h"

#include <QDir>

namespace cody {

namespace {

QString normalizedPath(const ContextItem &item)
{
    if (item.kind == ContextItem::Kind::LocalFile)
        return QDir::cleanPath(QDir::fromNativeSeparators(item.path));
    QStringView path = item.path;
    while (path.startsWith(u'/'))
        path = path.mid(1);
    return path.toString();
}

bool repeats(const ContextItem &candidate, const ContextItem &kept)
{
    if (!ContextDeduplication::sameFile(candidate, kept))
        return false;
    if (!kept.hasRange()) {
        // The whole file is already there, so any part of it is a repeat — except a range the
        // user picked, which Cody sends beside its file (FX/32).
        return !(candidate.hasRange() && candidate.source == ContextItem::Source::User);
    }
    return candidate.hasRange() && ContextDeduplication::rangesOverlap(candidate, kept);
}

} // namespace

bool ContextDeduplication::isFile(const ContextItem &item)
{
    return item.kind == ContextItem::Kind::RemoteFile || item.kind == ContextItem::Kind::LocalFile;
}

bool ContextDeduplication::sameFile(const ContextItem &a, const ContextItem &b)
{
    if (!isFile(a) || a.kind != b.kind)
        return false;
    if (a.kind == ContextItem::Kind::RemoteFile && a.repoName != b.repoName)
        return false;
    return normalizedPath(a) == normalizedPath(b);
}

bool ContextDeduplication::rangesOverlap(const ContextItem &a, const ContextItem &b)
{
    return a.hasRange() && b.hasRange() && a.startLine <= b.endLine && b.startLine <= a.endLine;
}

qsizetype ContextDeduplication::duplicateOf(
    const ContextItem &candidate, const QList<ContextItem> &kept)
{
    for (qsizetype i = 0; i < kept.size(); ++i) {
        if (repeats(candidate, kept.at(i)))
            return i;
    }
    return -1;
}

} // namespace cody
