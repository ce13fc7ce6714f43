// SPDX-License-Identifier: Apache-2.0
// The context items the history, chat and CLI tests record: a prompt about Sourcegraph's
// squirrel service with its repository @-mentioned, as FX/21 retrieved from.
#pragma once

#include "cody/contextitem.h"

#include <QString>
#include <QUrl>

namespace cody::test {

/// A mention of repository `name`, as the user makes it (no ID yet).
inline ContextItem repositoryMention(const QString &name)
{
    ContextItem repository;
    repository.kind = ContextItem::Kind::Repository;
    repository.repoName = name;
    return repository;
}

/// A mention of a file of the instance, or of lines start..end of it (1-based, inclusive).
inline ContextItem remoteFileMention(
    const QString &repo, const QString &path, int start = 0, int end = 0)
{
    ContextItem file;
    file.kind = ContextItem::Kind::RemoteFile;
    file.repoName = repo;
    file.path = path;
    file.startLine = start;
    file.endLine = end;
    return file;
}

/// The repository a prompt mentions: a scope to retrieve from, never sent itself.
inline ContextItem mentionedRepository()
{
    ContextItem repository;
    repository.kind = ContextItem::Kind::Repository;
    repository.repoName = QStringLiteral("github.com/sourcegraph/sourcegraph");
    repository.repoId = QStringLiteral("UmVwb3NpdG9yeTozOTk=");
    return repository;
}

/// A retrieved 20-line chunk of that repository, sent with 312 tokens.
inline ContextItem sentChunk(const QString &content, int startLine = 1)
{
    ContextItem chunk;
    chunk.kind = ContextItem::Kind::RemoteFile;
    chunk.source = ContextItem::Source::Retrieved;
    chunk.repoName = mentionedRepository().repoName;
    chunk.repoId = mentionedRepository().repoId;
    chunk.path = QStringLiteral("cmd/symbols/squirrel/service.go");
    chunk.revision = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    chunk.startLine = startLine;
    chunk.endLine = startLine + 19;
    chunk.content = content;
    chunk.tokens = 312;
    chunk.sent = true;
    chunk.url = QUrl(QStringLiteral("https://sourcegraph.example.com/github.com/sourcegraph/"
                                    "sourcegraph/-/blob/cmd/symbols/squirrel/service.go?L%1-%2")
                         .arg(startLine)
                         .arg(chunk.endLine));
    return chunk;
}

/// A local file the user added, left out: it did not fit the token budget.
inline ContextItem leftOutFile()
{
    ContextItem local;
    local.kind = ContextItem::Kind::LocalFile;
    local.path = QStringLiteral("/home/me/big.log");
    local.content = QString(2000, u'x');
    local.tokens = 9000;
    local.omittedReason = QStringLiteral("over the token budget");
    return local;
}

} // namespace cody::test
