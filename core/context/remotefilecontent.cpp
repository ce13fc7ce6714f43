// SPDX-License-Identifier: Apache-2.0
#include "context/remotefilecontent.h"

#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"
#include "context/bloburl.h"

using namespace Qt::StringLiterals;

namespace cody {

RemoteFileContent::RemoteFileContent(SourcegraphClient *client, ContextItem file, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_item(std::move(file))
{ }

QString RemoteFileContent::fileContentsQueryText()
{
    // FILE_CONTENTS_QUERY (cody lib/shared/src/sourcegraph-api/graphql/queries.ts).
    return u"\nquery FileContentsQuery($repoName: String!, $filePath: String!, $rev: String!) {\n"
           "    repository(name: $repoName){\n        commit(rev: $rev) {\n"
           "            file(path: $filePath) {\n                path\n                url\n"
           "                content\n            }\n        }\n    }\n}"_s;
}

QString RemoteFileContent::remoteFileQueryText()
{
    // GET_REMOTE_FILE_QUERY (ibid.).
    return u"\nquery GetRemoteFileQuery($repositoryName: String!, $filePath: String!, "
           "$startLine: Int, $endLine: Int) {\n  repository(name: $repositoryName) {\n    id\n"
           "    commit(rev: \"HEAD\") {\n      id\n      oid\n      blob(path: $filePath) {\n"
           "         content(startLine:$startLine endLine:$endLine)\n      }\n    }\n  }\n}\n"_s;
}

QString RemoteFileContent::pageContent(const QString &content, int startLine, int endLine)
{
    if ((startLine <= 0 && endLine <= 0) || content.isEmpty())
        return content;
    // Lines as the server counts them: a final newline does not start another line.
    const qsizetype lineCount = content.count(u'\n') + (content.endsWith(u'\n') ? 0 : 1);
    const qsizetype startCursor = startLine < 1 ? 0 : std::min<qsizetype>(startLine - 1, lineCount);
    const qsizetype endCursor = endLine > 0 ? endLine : lineCount;
    if (endCursor < startCursor)
        return content; // the server's failsafe: the whole file
    // The offset just after the n-th newline (0 for n = 0), or -1 when there are fewer.
    const auto afterNewline = [&content](qsizetype n) -> qsizetype {
        qsizetype at = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const qsizetype newline = content.indexOf(u'\n', at);
            if (newline < 0)
                return -1;
            at = newline + 1;
        }
        return at;
    };
    qsizetype start = afterNewline(startCursor);
    if (start < 0)
        start = 0;
    qsizetype end = afterNewline(endCursor);
    if (end < 0)
        end = content.size();
    if (end < start)
        return content;
    return content.mid(start, end - start);
}

bool RemoteFileContent::usesRemoteFileQuery() const
{
    return m_item.hasRange() && (m_item.revision.isEmpty() || m_item.revision == u"HEAD");
}

void RemoteFileContent::begin()
{
    if (m_item.repoName.isEmpty() || m_item.path.isEmpty()) {
        finish({ErrorKind::Config, tr("a remote file needs a repository and a path")});
        return;
    }
    if (usesRemoteFileQuery()) {
        send(u"GetRemoteFileQuery"_s, remoteFileQueryText(),
            {{u"repositoryName"_s, m_item.repoName}, {u"filePath"_s, m_item.path},
                {u"startLine"_s, m_item.startLine}, {u"endLine"_s, m_item.endLine}});
        return;
    }
    send(u"FileContentsQuery"_s, fileContentsQueryText(),
        {{u"repoName"_s, m_item.repoName}, {u"filePath"_s, m_item.path},
            {u"rev"_s, m_item.revision.isEmpty() ? u"HEAD"_s : m_item.revision}});
}

void RemoteFileContent::finishMissing(const QString &message)
{
    m_missing = true;
    finish({ErrorKind::Http, message});
}

void RemoteFileContent::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    const QJsonValue repository = result.data.value("repository"_L1);
    const QJsonValue commitValue = repository.toObject().value("commit"_L1);
    const QJsonObject commit = commitValue.toObject();
    const QString where = m_item.revision.isEmpty() ? u"HEAD"_s : m_item.revision;
    if (!repository.isObject()) {
        finishMissing(tr("the instance has no repository %1").arg(m_item.repoName));
        return;
    }
    if (!commitValue.isObject()) {
        finishMissing(tr("%1 has no revision %2").arg(m_item.repoName, where));
        return;
    }
    const bool remote = usesRemoteFileQuery();
    const QJsonValue file = commit.value(remote ? "blob"_L1 : "file"_L1);
    if (!file.isObject()) {
        finishMissing(tr("%1 has no file %2 at %3").arg(m_item.repoName, m_item.path, where));
        return;
    }
    const QString content = file.toObject().value("content"_L1).toString();
    const QUrl base = client()->settings().baseUrl;
    if (remote) {
        m_item.content = content;
        m_item.repoId = repository.toObject().value("id"_L1).toString();
        m_item.revision = commit.value("oid"_L1).toString();
        m_item.url
            = BlobUrl::make(base, m_item.repoName, m_item.path, m_item.startLine, m_item.endLine);
    } else {
        m_item.content = pageContent(content, m_item.startLine, m_item.endLine);
        QUrl url = BlobUrl::resolve(base, file.toObject().value("url"_L1).toString());
        if (m_item.hasRange())
            url.setQuery(u"L%1-%2"_s.arg(m_item.startLine).arg(m_item.endLine));
        m_item.url = url.isValid() ? url : BlobUrl::make(base, m_item.repoName, m_item.path);
    }
    finish();
}

} // namespace cody
