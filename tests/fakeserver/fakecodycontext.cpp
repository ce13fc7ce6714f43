// SPDX-License-Identifier: Apache-2.0
#include "fakecodycontext.h"

#include "fakegraphqlanswer.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

struct Chunk
{
    const FakeCorpus::Repository *repository = nullptr;
    QString path;
    int startLine = 0; // 0-based
    int endLine = 0; // exclusive
    QString content;
    int score = 0;
    QJsonArray ranges;
};

bool isTextFile(const QString &path)
{
    return path.endsWith(u".md"_s) || path.endsWith(u".txt"_s)
        || !path.section(u'/', -1).contains(u'.');
}

QStringList queryWords(const QString &query)
{
    static const QRegularExpression word(u"[A-Za-z0-9_]{2,}"_s);
    QStringList words;
    for (auto it = word.globalMatch(query); it.hasNext();) {
        const QString w = it.next().captured().toLower();
        if (!words.contains(w))
            words.append(w);
    }
    return words;
}

QJsonObject position(int line, qsizetype character)
{
    return {{u"line"_s, line}, {u"column"_s, qint64(character)}};
}

// Scores one chunk: each occurrence of a word in its lines, and a bonus when its path names it.
void score(Chunk &chunk, const QStringList &words)
{
    const QStringList lines = chunk.content.split(u'\n');
    for (const QString &word : words) {
        if (chunk.path.contains(word, Qt::CaseInsensitive))
            chunk.score += 2;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            for (qsizetype at = lines[i].indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
                 at = lines[i].indexOf(word, at + word.size(), Qt::CaseInsensitive)) {
                ++chunk.score;
                const int line = chunk.startLine + int(i);
                chunk.ranges.append(QJsonObject {{u"start"_s, position(line, at)},
                    {u"end"_s, position(line, at + word.size())}});
            }
        }
    }
}

QList<Chunk> chunksOf(const FakeCorpus::Repository &repository, const QString &path)
{
    const QStringList lines = QString::fromUtf8(repository.files.value(path)).split(u'\n');
    // A final newline does not start another line.
    const int count = int(lines.size()) - (lines.constLast().isEmpty() ? 1 : 0);
    QList<Chunk> chunks;
    for (int start = 0; start < count; start += FakeCodyContext::ChunkLines) {
        const int end = std::min(count, start + FakeCodyContext::ChunkLines);
        Chunk chunk {&repository, path, start, end, {}, 0, {}};
        chunk.content = lines.mid(start, end - start).join(u'\n') + u'\n';
        chunks.append(std::move(chunk));
    }
    return chunks;
}

} // namespace

FakeCodyContext::FakeCodyContext(const FakeCorpus &corpus, QVersionNumber schemaVersion,
    std::function<bool(const QString &)> allowed)
    : m_corpus(corpus)
    , m_schema(std::move(schemaVersion))
    , m_allowed(std::move(allowed))
{ }

QVersionNumber FakeCodyContext::schemaVersion(const QString &productVersion)
{
    if (productVersion.contains(u"dev"_s))
        return QVersionNumber(999);
    static const QRegularExpression dated(u"^\\d+_\\d{4}-\\d{2}-\\d{2}_(\\d+)\\.(\\d+)-"_s);
    if (const auto match = dated.match(productVersion); match.hasMatch())
        return QVersionNumber(match.captured(1).toInt(), match.captured(2).toInt());
    static const QRegularExpression semver(u"^v?(\\d+)\\.(\\d+)\\.(\\d+)"_s);
    if (const auto match = semver.match(productVersion); match.hasMatch()) {
        return QVersionNumber(
            match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    }
    return QVersionNumber(0);
}

QJsonObject FakeCodyContext::answer(const QString &query, const QJsonObject &variables) const
{
    // Validation first, as graph-gophers does, with its messages.
    if (query.contains(u"filePatterns"_s) && m_schema < QVersionNumber(5, 7, 0)) {
        return graphqlError(
            u"Unknown argument \"filePatterns\" on field \"getCodyContext\" of type \"Query\"."_s);
    }
    const bool ranges = query.contains(u"matchedRanges"_s);
    if (ranges && m_schema < QVersionNumber(5, 8, 0))
        return graphqlError(
            u"Cannot query field \"matchedRanges\" on type \"FileChunkContext\"."_s);

    QList<QRegularExpression> patterns;
    for (const QJsonValue &pattern : variables.value(u"filePatterns"_s).toArray()) {
        patterns.append(QRegularExpression(pattern.toString()));
        if (!patterns.constLast().isValid())
            return graphqlError(
                u"error parsing regexp: %1"_s.arg(patterns.constLast().errorString()));
    }
    const QStringList words = queryWords(variables.value(u"query"_s).toString());
    QList<Chunk> code;
    QList<Chunk> text;
    for (const QJsonValue &id : variables.value(u"repos"_s).toArray()) {
        if (FakeCorpus::decodeId(id.toString()).isEmpty())
            return graphqlError(u"invalid repository ID \"%1\""_s.arg(id.toString()));
        const FakeCorpus::Repository *repository = m_corpus.byId(id.toString());
        if (!repository || !m_allowed(repository->name))
            continue;
        for (auto it = repository->files.cbegin(); it != repository->files.cend(); ++it) {
            const bool wanted = patterns.isEmpty()
                || std::any_of(patterns.cbegin(), patterns.cend(),
                    [&it](const QRegularExpression &p) { return p.match(it.key()).hasMatch(); });
            if (!wanted)
                continue;
            for (Chunk &chunk : chunksOf(*repository, it.key())) {
                score(chunk, words);
                if (chunk.score > 0)
                    (isTextFile(chunk.path) ? text : code).append(std::move(chunk));
            }
        }
    }
    const auto best = [](QList<Chunk> chunks, int count) {
        std::stable_sort(chunks.begin(), chunks.end(),
            [](const Chunk &a, const Chunk &b) { return a.score > b.score; });
        return chunks.mid(0, std::max(0, count));
    };
    QJsonArray results;
    for (const Chunk &chunk : best(code, variables.value(u"codeResultsCount"_s).toInt())
            + best(text, variables.value(u"textResultsCount"_s).toInt())) {
        const QJsonObject blob {{u"path"_s, chunk.path},
            {u"repository"_s,
                QJsonObject {{u"id"_s, chunk.repository->id}, {u"name"_s, chunk.repository->name}}},
            {u"commit"_s, QJsonObject {{u"oid"_s, chunk.repository->commit}}},
            {u"url"_s,
                u"/%1@%2/-/blob/%3"_s.arg(
                    chunk.repository->name, chunk.repository->commit, chunk.path)}};
        QJsonObject result {{u"blob"_s, blob}, {u"startLine"_s, chunk.startLine},
            {u"endLine"_s, chunk.endLine}, {u"chunkContent"_s, chunk.content}};
        if (ranges)
            result.insert(u"matchedRanges"_s, chunk.ranges);
        results.append(result);
    }
    return graphqlData({{u"getCodyContext"_s, results}});
}

} // namespace cody::test
