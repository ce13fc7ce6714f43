// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "context/remoterepository.h"

#include <QList>

namespace cody {

/**
 * @brief The repositories an @-mention picker offers for what the user typed: the `SuggestionsRepo`
 * search that VS Code's repository, remote-file and remote-folder mention providers use
 * (context.md §1a), `context:global type:repo count:10 repo:<typed>`.
 *
 * One request of at most ten per keystroke, ranked by the server and by stars, is what a type-ahead
 * picker needs; RepositoryList pages through the whole instance instead. The typed text is a
 * regular expression to the server (patternType regexp), as in Cody. repositories() are ranked:
 * names containing the typed text (case-insensitively) first, earlier and shorter matches first,
 * the others by stars: a simple stand-in for Cody's fzf ranking with stars as the tie-breaker.
 */
class RepositorySuggestions final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositorySuggestions)

public:
    RepositorySuggestions(SourcegraphClient *client, QString typed, QObject *parent = nullptr);

    const QList<RemoteRepository> &repositories() const { return m_repositories; }

    static QString queryText();
    static QString searchQuery(const QString &typed);
    /// Ranks `repositories` for `typed` (pure).
    static QList<RemoteRepository> ranked(
        QList<RemoteRepository> repositories, const QString &typed);

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    QString m_typed;
    QList<RemoteRepository> m_repositories;
};

} // namespace cody
