// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace cody {

/**
 * @brief One piece of codebase context, as mentioned, retrieved, sent or left out: a repository
 * to retrieve from, a remote file or line range, a remote folder, or a local file.
 *
 * A value: the prompt builder fills in content, tokens and omittedReason; the history stores it
 * with the message it went with (toJson/fromJson), and the GUI and CLI show it.
 */
struct ContextItem
{
    enum class Kind {
        Repository, ///< retrieve from the whole repository (getCodyContext)
        RemoteFile, ///< a file, or a line range of it, on the instance
        RemoteFolder, ///< retrieve from one folder of a repository (filePatterns)
        LocalFile, ///< a file on this machine
    };
    /// Who put it in the prompt, which decides its token budget (context.md §3.3): what the user
    /// added explicitly, or what retrieval found for the question.
    enum class Source { User, Retrieved };

    Kind kind = Kind::RemoteFile;
    Source source = Source::User;
    QString repoName; ///< "github.com/sourcegraph/cody"; empty for a local file
    QString repoId; ///< the repository's GraphQL ID, when known
    QString path; ///< in the repository (no leading slash), or the local file's absolute path
    QString revision; ///< a commit oid, or empty for HEAD
    int startLine = 0; ///< 1-based, inclusive; 0 with endLine 0: the whole file
    int endLine = 0; ///< 1-based, inclusive
    QString content; ///< the text that is (or was) sent; empty for repositories and folders
    qint64 tokens = 0; ///< estimated tokens of the message it becomes; 0 until measured
    bool sent = false; ///< true once it went out with a request
    QString omittedReason; ///< why it was left out ("excluded by the context filters", …)
    QUrl url; ///< where it can be opened on the instance, when known

    bool hasRange() const { return startLine > 0 && endLine >= startLine; }
    /// A repository or folder: a scope to retrieve from, never sent itself.
    bool isScope() const { return kind == Kind::Repository || kind == Kind::RemoteFolder; }
    /// "src/main.cpp", "src/main.cpp:10-20", "github.com/org/repo", "github.com/org/repo/src/"
    QString displayName() const;

    QJsonObject toJson() const;
    /// Nullopt for an object that is not a context item (an unknown kind, a missing path).
    static std::optional<ContextItem> fromJson(const QJsonObject &object);

    static QString kindName(Kind kind); ///< "repository", "file", "folder", "local-file"
    static std::optional<Kind> kindFromName(const QString &name);

    friend bool operator==(const ContextItem &, const ContextItem &) = default;
};

} // namespace cody
