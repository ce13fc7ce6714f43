// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

namespace cody {

/**
 * @brief The language id in the code fence of a context message: the language's name in lower
 * case, from the file's extension (context.md §3.1; Cody's `languages.ts`). Pure.
 *
 * Cody's own table gives `ts`→`typescript`, `py`→`python`, `md`→`markdown`, `cpp`→`c++`,
 * `cs`→`csharp`, `txt`→`plain text`; ours keeps every one of those and adds the common languages
 * Cody leaves out. An extension in no table is used as it is (`.bzl`→`bzl`, `.bazel`→`bazel`,
 * FX/29), and a file without one (`WORKSPACE`, `.gitignore`) has an empty id.
 */
class LanguageIds
{
public:
    /// The id for a path ("src/main.cpp" → "c++"); either separator, any directory.
    static QString forPath(QStringView path);

    /// The extension without the dot as Node's path.extname sees it: after the last dot of the
    /// file name, empty when the name has no dot or only a leading one.
    static QStringView extension(QStringView path);
};

} // namespace cody
