// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "context/promptformat.h"

#include <QList>
#include <QString>

namespace cody {

/**
 * @brief The human message a context item becomes (context.md §3.1; Cody's
 * `prompt-builder/utils.ts` and `prompt/templates.ts`). Each is followed by the assistant's
 * acknowledgement(). Pure.
 *
 * Which template, from the recordings:
 * - Code — every remote item (retrieved chunks, @-mentioned files and ranges on the instance) and
 *   every whole local file: `Codebase context from file {P}{ in repository R}:\n```{lang}:{P}\n`
 *   + text + ```` ``` ```` (FX/31; without `:{P}` in the Legacy format, FX/29). Remote paths get
 *   a leading slash, as Cody's `URI.parse(title)` gives them (FX/29).
 * - Selection — a line range of a local file the user added (`@file:1-6`):
 *   `My selected code from codebase file {P}:{a}-{b}:\n```\n` + text + ```` ``` ```` (FX/32).
 * - FilePath — a whole local file the user added beside a range of it (`@file:1-6 @file`), as
 *   Cody sends the editor's file beside its selection: `Codebase context from file path {P}: `
 *   + text (FX/32).
 * - None — a repository or folder: what is retrieved from it is sent, not the item.
 *
 * {P} is the display path with spaces as `%20`: a remote file's path in its repository, a local
 * file's path relative to the local root (absolute when outside it).
 */
class ContextRendering
{
public:
    enum class Template { Code, Selection, FilePath, None };

    /// The template for `item`, given every item of the prompt (for the FilePath case).
    static Template templateFor(const ContextItem &item, const QList<ContextItem> &items);

    /// The message text, or an empty string when the item sends nothing: a repository or
    /// folder, or blank content the user did not add (an empty file the user added is sent).
    static QString render(
        const ContextItem &item, Template form, PromptFormat format, const QString &localRoot);

    /// The path the model sees, without line range: "/cmd/x.go", "src/a%20b.ts".
    static QString displayPath(const ContextItem &item, const QString &localRoot);

    /// True when nothing would be sent for it: whitespace-only content the user did not add.
    static bool isBlank(const ContextItem &item);

    /// "Ok.", the assistant's reply to every context message.
    static QString acknowledgement();
};

} // namespace cody
