// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "cody/graphqlrequest.h"

#include <QList>

namespace cody {

/**
 * @brief Files, or folders, of one repository whose path matches what the user typed: the search
 * Cody's remote-file and remote-folder @-mention providers run (`FileMatchSearchQuery`,
 * context.md §1b):
 *  - files: `repo:^<repo>$ file:<typed> type:file count:10`;
 *  - folders: `repo:^<repo>$ file:<typed>.*\/.* select:file.directory count:10`.
 * The repository name and the typed path are matched literally (regex characters escaped, as
 * Cody's escapeRegExp does); an empty path finds any file (`file:^.*$`) or folder.
 *
 * items() are ContextItems of kind RemoteFile (pinned to the commit the search saw) or
 * RemoteFolder (path without its trailing slash; the repository root is left out), each with
 * its link.
 */
class RemotePathSearch final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemotePathSearch)

public:
    enum class Kind { Files, Folders };

    RemotePathSearch(SourcegraphClient *client, QString repoName, QString typedPath, Kind kind,
        QObject *parent = nullptr);

    const QList<ContextItem> &items() const { return m_items; }

    static QString queryText();
    static QString searchQuery(const QString &repoName, const QString &typedPath, Kind kind);
    /// Cody's escapeRegExp: a backslash before each of . * + ? ^ $ { } ( ) | [ ] and backslash.
    static QString escapeRegExp(const QString &text);

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    QString m_repoName;
    QString m_typedPath;
    Kind m_kind;
    QList<ContextItem> m_items;
};

} // namespace cody
