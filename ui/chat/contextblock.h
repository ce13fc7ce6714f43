// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace cody {

/**
 * @brief The codebase context under a sent message, as HTML for the chat view: a summary line
 * ("Context: 3 items sent, 2 left out"), the repositories and folders searched, the items sent as
 * links, and those left out with the reason, muted. Long lists start collapsed.
 *
 * Links carry no address a server could choose: an item's link is `cody-context:<row>-<index>`,
 * which the view resolves to the item and opens only when isOnInstance() allows its url; an item
 * whose url is not on the instance is shown as plain text.
 */
class ContextBlock
{
    Q_DECLARE_TR_FUNCTIONS(cody::ContextBlock)

public:
    /// More lines than this (searched, sent, left out) and the block starts collapsed.
    static constexpr int CollapseAbove = 4;

    struct Input
    {
        int row = 0; ///< the message's row, for the links
        QList<ContextItem> items;
        int unreadable = 0; ///< stored items the history could not read
        bool expanded = false; ///< the reader opened a collapsed block
        QUrl instance; ///< the configured Sourcegraph URL; empty: nothing links
        QString muted; ///< the colour of secondary text ("#8a8a8a")
    };

    /// The block, or empty when the message has no context.
    static QString html(const Input &input);
    /// Whether the list is long enough to start collapsed.
    static bool isCollapsible(const QList<ContextItem> &items);
    /// "Context: 3 items sent, 2 left out" (plain text).
    static QString summary(const QList<ContextItem> &items);
    /// True when `url` may be opened for an item: http(s), on the instance's scheme, host and
    /// port, under its path, without user info. Anything else a server might have put in an item
    /// (file:, javascript:, another host) is never opened.
    static bool isOnInstance(const QUrl &url, const QUrl &instance);
    /// The link of item `index` of `row`, and back; nullopt for anything else.
    static QString itemHref(int row, qsizetype index);
    static std::optional<std::pair<int, qsizetype>> parseItemHref(const QUrl &url);
    static QString toggleHref(int row);
};

} // namespace cody
