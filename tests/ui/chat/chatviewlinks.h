// SPDX-License-Identifier: Apache-2.0
// The links a ChatView shows, as a person sees them: for the tests of the context under messages.
#pragma once

#include "ui/chat/chatview.h"

#include <QTextBlock>

namespace cody::test {

/// The anchors the view shows, as (href, text) in document order.
inline QList<std::pair<QString, QString>> linksOf(const ChatView &view)
{
    QList<std::pair<QString, QString>> found;
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor())
                found.append({fragment.charFormat().anchorHref(), fragment.text()});
        }
    }
    return found;
}

/// Where the link showing `text` leads; empty when `text` is not a link.
inline QString hrefOf(const ChatView &view, const QString &text)
{
    for (const auto &[href, shown] : linksOf(view)) {
        if (shown == text)
            return href;
    }
    return {};
}

} // namespace cody::test
