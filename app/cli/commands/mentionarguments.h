// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace cody::cli {

/**
 * @brief The codebase context of `chat --repo NAME --remote-file REPO:PATH[:START-END]`, as
 * mentions (pure): repositories to retrieve from, files or line ranges (1-based, inclusive) to
 * include as the user's own.
 */
class MentionArguments
{
public:
    /// The mentions, repositories first; nullopt with *error naming the bad argument.
    static std::optional<QList<ContextItem>> parse(
        const QStringList &repositories, const QStringList &remoteFiles, QString *error);
    /// One --remote-file value: "github.com/org/repo:src/main.go" or "…:src/main.go:10-20".
    static std::optional<ContextItem> parseRemoteFile(const QString &value, QString *error);
    /// How an item is named back to the user: "--repo NAME" or "--remote-file VALUE".
    static QString argumentFor(const ContextItem &mention);
    /// `chat --json`'s "context": kind, repo, path, startLine, endLine, tokens, sent, reason, and
    /// source (user or retrieved), for every item of the request.
    static QJsonArray toJson(const QList<ContextItem> &items);
};

} // namespace cody::cli
