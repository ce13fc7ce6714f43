// SPDX-License-Identifier: Apache-2.0
#include "fakerepositoryoperations.h"

#include "fakegraphqlanswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

// `key:value` filters and the rest of a search query.
QHash<QString, QString> searchFilters(const QString &query)
{
    QHash<QString, QString> filters;
    for (const QString &token : query.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype colon = token.indexOf(u':');
        if (colon > 0)
            filters.insert(token.left(colon).toLower(), token.mid(colon + 1));
    }
    return filters;
}

// Sourcegraph's repo: and file: filters: regular expressions, case-insensitive, found anywhere.
QRegularExpression filterRegex(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

QJsonObject repositoryNode(const FakeCorpus::Repository &repository)
{
    return {{u"id"_s, repository.id}, {u"name"_s, repository.name}};
}

int toInt(const QJsonValue &value, int fallback)
{
    return value.isDouble() ? value.toInt() : fallback;
}

} // namespace

FakeRepositoryOperations::FakeRepositoryOperations(const FakeCorpus &corpus, int pageLimit)
    : m_corpus(corpus)
    , m_pageLimit(pageLimit)
{ }

QString FakeRepositoryOperations::cursorAfter(const FakeCorpus::Repository &repository)
{
    const QString number = FakeCorpus::decodeId(repository.id).section(u':', 1);
    const QString cursor = u"RepositoryCursor:{\"Column\":\"name\",\"Value\":\"%1@%2\","
                           "\"Direction\":\"\"}"_s.arg(repository.name, number);
    return QString::fromLatin1(cursor.toUtf8().toBase64());
}

QJsonObject FakeRepositoryOperations::repositoriesByName(const QJsonObject &variables) const
{
    const QJsonArray names = variables.value(u"names"_s).toArray();
    const int first = toInt(variables.value(u"first"_s), 0);
    QJsonArray nodes;
    for (const FakeCorpus::Repository &repository : m_corpus.repositories()) {
        if (nodes.size() >= first)
            break;
        if (names.isEmpty() || names.contains(repository.name))
            nodes.append(QJsonObject {{u"name"_s, repository.name}, {u"id"_s, repository.id}});
    }
    return graphqlData({{u"repositories"_s, QJsonObject {{u"nodes"_s, nodes}}}});
}

QJsonObject FakeRepositoryOperations::repositoryPage(const QJsonObject &variables) const
{
    const int first = std::min(toInt(variables.value(u"first"_s), 0), m_pageLimit);
    const QString filter = variables.value(u"query"_s).toString();
    QString afterName;
    if (const QString after = variables.value(u"after"_s).toString(); !after.isEmpty()) {
        const QByteArray cursor = QByteArray::fromBase64(after.toLatin1());
        const QJsonObject value
            = QJsonDocument::fromJson(cursor.mid(cursor.indexOf(':') + 1)).object();
        afterName = value.value(u"Value"_s).toString().section(u'@', 0, -2);
        if (afterName.isEmpty())
            return graphqlError(u"cannot parse cursor: %1"_s.arg(after));
    }
    QJsonArray nodes;
    const FakeCorpus::Repository *last = nullptr;
    for (const FakeCorpus::Repository &repository : m_corpus.repositories()) {
        if (nodes.size() >= first)
            break;
        if ((!afterName.isEmpty() && repository.name <= afterName)
            || (!filter.isEmpty() && !repository.name.contains(filter, Qt::CaseInsensitive)))
            continue;
        nodes.append(repositoryNode(repository));
        last = &repository;
    }
    const QJsonValue endCursor = last ? QJsonValue(cursorAfter(*last)) : QJsonValue();
    return graphqlData({{u"repositories"_s,
        QJsonObject {
            {u"nodes"_s, nodes}, {u"pageInfo"_s, QJsonObject {{u"endCursor"_s, endCursor}}}}}});
}

QJsonObject FakeRepositoryOperations::repositorySuggestions(const QJsonObject &variables) const
{
    const auto filters = searchFilters(variables.value(u"query"_s).toString());
    const QRegularExpression repo = filterRegex(filters.value(u"repo"_s));
    const int count = filters.value(u"count"_s, u"30"_s).toInt();
    QList<const FakeCorpus::Repository *> found;
    for (const FakeCorpus::Repository &repository : m_corpus.repositories()) {
        if (repo.isValid() && repo.match(repository.name).hasMatch())
            found.append(&repository);
    }
    std::stable_sort(found.begin(), found.end(),
        [](const auto *a, const auto *b) { return a->stars > b->stars; });
    QJsonArray repositories;
    for (const FakeCorpus::Repository *repository : found.mid(0, count)) {
        QJsonObject node = repositoryNode(*repository);
        node.insert(u"stars"_s, repository->stars);
        node.insert(u"url"_s, QString(u'/' + repository->name));
        repositories.append(node);
    }
    return graphqlData({{u"search"_s,
        QJsonObject {{u"results"_s, QJsonObject {{u"repositories"_s, repositories}}}}}});
}

QJsonObject FakeRepositoryOperations::repositoryByCloneUrl(const QJsonObject &variables) const
{
    QString url = variables.value(u"cloneURL"_s).toString().trimmed();
    static const QRegularExpression scp(u"^[^@/]+@([^:/]+):(.+)$"_s);
    if (const auto match = scp.match(url); match.hasMatch() && !url.contains(u"://"_s)) {
        url = match.captured(1) + u'/' + match.captured(2);
    } else {
        const QUrl parsed(url);
        url = parsed.host() + parsed.path();
    }
    if (url.endsWith(u".git"_s))
        url.chop(4);
    const FakeCorpus::Repository *repository = m_corpus.byName(url);
    const QJsonValue node
        = repository ? QJsonValue(QJsonObject {{u"name"_s, repository->name}}) : QJsonValue();
    return graphqlData({{u"repository"_s, node}});
}

QJsonObject FakeRepositoryOperations::fileMatches(const QJsonObject &variables) const
{
    const auto filters = searchFilters(variables.value(u"query"_s).toString());
    const QRegularExpression repo = filterRegex(filters.value(u"repo"_s));
    const QRegularExpression file = filterRegex(filters.value(u"file"_s));
    const bool directories = filters.value(u"select"_s) == u"file.directory";
    const int count = filters.value(u"count"_s, u"30"_s).toInt();
    QJsonArray results;
    for (const FakeCorpus::Repository &repository : m_corpus.repositories()) {
        if (!repo.isValid() || !file.isValid() || !repo.match(repository.name).hasMatch())
            continue;
        QSet<QString> seen;
        for (auto it = repository.files.cbegin(); it != repository.files.cend(); ++it) {
            if (results.size() >= count || !file.match(it.key()).hasMatch())
                continue;
            QString path = it.key();
            QString url = u"/%1/-/blob/%2"_s.arg(repository.name, path);
            if (directories) {
                // select:file.directory: path.Clean(path.Dir(p)) + "/" (result/file.go).
                const qsizetype slash = path.lastIndexOf(u'/');
                path = (slash < 0 ? u"."_s : path.left(slash)) + u'/';
                url = u"/%1/-/tree/%2"_s.arg(repository.name, path.chopped(1));
                if (seen.contains(path))
                    continue;
                seen.insert(path);
            }
            results.append(QJsonObject {{u"__typename"_s, u"FileMatch"_s},
                {u"repository"_s, repositoryNode(repository)},
                {u"file"_s,
                    QJsonObject {{u"url"_s, url}, {u"path"_s, path},
                        {u"commit"_s, QJsonObject {{u"oid"_s, repository.commit}}}}}});
        }
    }
    return graphqlData(
        {{u"search"_s, QJsonObject {{u"results"_s, QJsonObject {{u"results"_s, results}}}}}});
}

const FakeCorpus::Repository *FakeRepositoryOperations::commitOf(
    const QString &repoName, const QString &rev) const
{
    const FakeCorpus::Repository *repository = m_corpus.byName(repoName);
    if (!repository)
        return nullptr;
    const bool known = rev == u"HEAD" || (rev.size() >= 4 && repository->commit.startsWith(rev));
    return known ? repository : nullptr;
}

QJsonObject FakeRepositoryOperations::fileContents(const QJsonObject &variables) const
{
    const QString name = variables.value(u"repoName"_s).toString();
    const QString rev = variables.value(u"rev"_s).toString();
    const QString path = variables.value(u"filePath"_s).toString();
    const FakeCorpus::Repository *repository = m_corpus.byName(name);
    if (!repository)
        return graphqlData({{u"repository"_s, QJsonValue()}});
    QJsonValue commit;
    if (commitOf(name, rev)) {
        QJsonValue file;
        if (repository->files.contains(path)) {
            const QString at = rev == u"HEAD" ? QString() : u'@' + rev;
            file = QJsonObject {{u"path"_s, path},
                {u"url"_s, u"/%1%2/-/blob/%3"_s.arg(name, at, path)},
                {u"content"_s, QString::fromUtf8(repository->files.value(path))}};
        }
        commit = QJsonObject {{u"file"_s, file}};
    }
    return graphqlData({{u"repository"_s, QJsonObject {{u"commit"_s, commit}}}});
}

QJsonObject FakeRepositoryOperations::remoteFile(const QJsonObject &variables) const
{
    const FakeCorpus::Repository *repository
        = m_corpus.byName(variables.value(u"repositoryName"_s).toString());
    if (!repository)
        return graphqlData({{u"repository"_s, QJsonValue()}});
    const QString path = variables.value(u"filePath"_s).toString();
    QJsonValue blob;
    if (repository->files.contains(path)) {
        blob = QJsonObject {{u"content"_s,
            QString::fromUtf8(pageContent(repository->files.value(path),
                toInt(variables.value(u"startLine"_s), -1),
                toInt(variables.value(u"endLine"_s), -1)))}};
    }
    const QString commitId = QString::fromLatin1(
        (u"GitCommit:%1:%2"_s.arg(repository->name, repository->commit)).toUtf8().toBase64());
    return graphqlData({{u"repository"_s,
        QJsonObject {{u"id"_s, repository->id},
            {u"commit"_s,
                QJsonObject {
                    {u"id"_s, commitId}, {u"oid"_s, repository->commit}, {u"blob"_s, blob}}}}}});
}

QByteArray FakeRepositoryOperations::pageContent(
    const QByteArray &content, int startLine, int endLine)
{
    // git_tree_entry.go, transcribed: nil (here negative) bounds are unset.
    if ((startLine < 0 && endLine < 0) || content.isEmpty())
        return content;
    const qsizetype total = content.count('\n') + (content.endsWith('\n') ? 0 : 1);
    qsizetype startCursor = 0;
    qsizetype endCursor = total;
    if (startLine >= 0)
        startCursor = startLine < 1 ? 0 : (startLine > total ? total : startLine - 1);
    if (endLine > 0)
        endCursor = endLine;
    if (endCursor < startCursor)
        return content;
    const auto nthIndex = [&content](qsizetype n) -> qsizetype {
        qsizetype start = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const qsizetype idx = content.indexOf('\n', start);
            if (idx == -1)
                return -1;
            start = idx + 1;
        }
        return start;
    };
    qsizetype start = nthIndex(startCursor);
    if (start == -1)
        start = 0;
    qsizetype end = nthIndex(endCursor);
    if (end == -1)
        end = content.size();
    if (end < start)
        return content;
    return content.mid(start, end - start);
}

} // namespace cody::test
