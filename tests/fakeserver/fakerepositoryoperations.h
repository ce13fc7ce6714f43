// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fakecorpus.h"

#include <QJsonObject>
#include <QString>

namespace cody::test {

// The fake's answers to the repository and file operations of context.md §1a/§1b, from its
// corpus, shaped like the real server's (recordings 23–25, 30; the public snapshot's resolvers).
// Each takes the call's variables and returns the whole GraphQL answer.
class FakeRepositoryOperations
{
public:
    explicit FakeRepositoryOperations(const FakeCorpus &corpus, int pageLimit = 1000);

    // `repositories(names:, first:)`: the named ones the instance has, at most `first`; an empty
    // list of names answers the first repositories of the instance, as the real server does.
    QJsonObject repositoriesByName(const QJsonObject &variables) const;
    // `repositories(first:, after:, query:)` by name, at most pageLimit a page; every page but
    // the empty last one has an endCursor (recordings 23 and 30).
    QJsonObject repositoryPage(const QJsonObject &variables) const;
    // SuggestionsRepo: `search(query: "… type:repo count:N repo:<regexp>")`, by stars.
    QJsonObject repositorySuggestions(const QJsonObject &variables) const;
    // ResolveRepoName: a clone URL (scp-style, https, ssh) to the repository's name, or null.
    QJsonObject repositoryByCloneUrl(const QJsonObject &variables) const;
    // FileMatchSearchQuery: `repo:<re> file:<re> (type:file | select:file.directory) count:N`.
    QJsonObject fileMatches(const QJsonObject &variables) const;
    // FileContentsQuery: a whole file at a revision (HEAD, the commit or a prefix of it).
    QJsonObject fileContents(const QJsonObject &variables) const;
    // GetRemoteFileQuery: lines of a file at HEAD by the server's pageContent rules.
    QJsonObject remoteFile(const QJsonObject &variables) const;

    // The server's pageContent (git_tree_entry.go): startLine/endLine 1-based and inclusive, a
    // negative value unset, endLine < startLine the whole file.
    static QByteArray pageContent(const QByteArray &content, int startLine, int endLine);
    // Go's base64 of RepositoryCursor:{"Column":"name","Value":"<name>@<n>","Direction":""}.
    static QString cursorAfter(const FakeCorpus::Repository &repository);

private:
    const FakeCorpus::Repository *commitOf(const QString &repoName, const QString &rev) const;

    const FakeCorpus &m_corpus;
    int m_pageLimit;
};

} // namespace cody::test
