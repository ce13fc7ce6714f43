// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "cody/graphqlrequest.h"

namespace cody {

/**
 * @brief The content of a file on the instance, whole or a line range, at HEAD or at a revision:
 * fills in a RemoteFile ContextItem's content (and its link).
 *
 * Our line ranges are 1-based and inclusive (ContextItem). The server's
 * `GitBlob.content(startLine:, endLine:)` pages by 1-based inclusive lines too
 * (pageContent in cmd/frontend/graphqlbackend/git_tree_entry.go of the public snapshot, "startLine
 * and endLine are 1-indexed!"), so the range goes on the wire unchanged: lines 10–20 are sent as
 * startLine 10, endLine 20 and come back as those 11 lines, each with its newline. (Cody's client
 * sends start.line, 0-based, and end.line + 1, which asks for one line too many at the start;
 * context.md §1b left the server's side open.)
 *
 * Which query (context.md §1b):
 *  - the whole file: `FileContentsQuery` at the item's revision, or "HEAD";
 *  - a range at HEAD: `GetRemoteFileQuery` with the range; the item is then pinned to the commit
 *    the server read (revision = its oid);
 *  - a range at a revision: `FileContentsQuery` at that revision, cut here by the same rules as
 *    the server's (GetRemoteFileQuery knows only HEAD).
 */
class RemoteFileContent final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteFileContent)

public:
    RemoteFileContent(SourcegraphClient *client, ContextItem file, QObject *parent = nullptr);

    /// The file as asked for, with content, link and (for HEAD ranges) the revision filled in.
    const ContextItem &item() const { return m_item; }
    /// The instance answered that the repository, revision or file does not exist (the user's
    /// mistake, unlike a failed call).
    bool isMissing() const { return m_missing; }

    static QString fileContentsQueryText();
    static QString remoteFileQueryText();
    /// Lines start..end (1-based, inclusive; 0 leaves that end open) of `content`, by the
    /// server's pageContent rules, so that a range cut here equals one cut there (pure).
    static QString pageContent(const QString &content, int startLine, int endLine);

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    bool usesRemoteFileQuery() const;

    /// The answer for a name the instance does not know: missing, with `message`.
    void finishMissing(const QString &message);

    ContextItem m_item;
    bool m_missing = false;
};

} // namespace cody
