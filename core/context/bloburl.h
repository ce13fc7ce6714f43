// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace cody {

/// Links into the instance's code browser (pure).
class BlobUrl
{
public:
    /// `{base}/{repo}/-/blob/{path}?L{start}-{end}` (lines 1-based, inclusive; no `?L` when
    /// start is 0), as Cody builds a retrieved chunk's link (context.md §1c). `base` keeps its
    /// path prefix.
    static QUrl make(const QUrl &base, const QString &repoName, const QString &path,
        int startLine = 0, int endLine = 0);
    /// A server-relative link ("/github.com/org/repo@oid/-/blob/x.go") on `base`.
    static QUrl resolve(const QUrl &base, const QString &relative);
};

} // namespace cody
