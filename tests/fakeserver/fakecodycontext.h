// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fakecorpus.h"

#include <QJsonObject>
#include <QString>
#include <QVersionNumber>

#include <functional>

namespace cody::test {

// The fake's getCodyContext (context.md §1c): a keyword match over the corpus, answered as the
// real server does (0-based startLine, exclusive endLine, chunks of 20 lines, code and text
// files counted apart), and refusing what a server of its version would not know:
// `filePatterns` before 5.7.0 ("Unknown argument"), `matchedRanges` before 5.8.0 ("Cannot query
// field"), both GraphQL validation errors with no data.
class FakeCodyContext
{
public:
    static constexpr int ChunkLines = 20;

    // allowed(repoName): the site's context filters, which the server applies to its results.
    FakeCodyContext(const FakeCorpus &corpus, QVersionNumber schemaVersion,
        std::function<bool(const QString &)> allowed);

    QJsonObject answer(const QString &query, const QJsonObject &variables) const;

    // Which schema a productVersion stands for: semver as is; a dated build from main
    // ("282533_2024-07-16_5.5-a0a18a60e904") its x.y; "dev" builds the newest; others 0.
    static QVersionNumber schemaVersion(const QString &productVersion);

private:
    const FakeCorpus &m_corpus;
    QVersionNumber m_schema;
    std::function<bool(const QString &)> m_allowed;
};

} // namespace cody::test
