// SPDX-License-Identifier: Apache-2.0
// The prompts PromptBuilder builds, byte for byte: against the requests Cody really sent (FX/29,
// FX/31, FX/32; their inputs reconstructed from the recordings) and against our own fixtures in
// tests/data/context, which need no recordings.
#include "context/promptbuilder.h"
#include "prompttestsupport.h"
#include "recordings.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::ChatMessage;
using cody::ContextBudget;
using cody::ContextItem;
using cody::PromptBuilder;

namespace {

constexpr auto H = ChatMessage::Speaker::Human;

/// The first message where two arrays differ, shown in full, for a readable failure.
QString firstDifference(const QJsonArray &actual, const QJsonArray &expected)
{
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        if (actual.at(i) != expected.at(i)) {
            return u"message %1:\n  built:    %2\n  expected: %3"_s.arg(i).arg(
                QString::fromUtf8(QJsonDocument(actual.at(i).toObject()).toJson()),
                QString::fromUtf8(QJsonDocument(expected.at(i).toObject()).toJson()));
        }
    }
    return {};
}

#define COMPARE_MESSAGES(actual, expected)                                                         \
    QVERIFY2((actual) == (expected), qPrintable(firstDifference(actual, expected)))

QJsonArray recordedMessages(const QString &path)
{
    return readJsonObject(path).value(u"messages"_s).toArray();
}

QString recordedText(const QJsonArray &messages, qsizetype index)
{
    return messages.at(index)[u"text"_s].toString();
}

/// `text` without `prefix` and `suffix`, which it must have.
QString between(const QString &text, const QString &prefix, const QString &suffix)
{
    if (!text.startsWith(prefix) || !text.endsWith(suffix))
        return {};
    return text.mid(prefix.size(), text.size() - prefix.size() - suffix.size());
}

} // namespace

class TestPromptBuilderRecorded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repositoryContextAsRecorded()
    {
        // FX/29: the 17 chunks of FX/21's getCodyContext answer, sent 0.5 s later in the same
        // turn by a client without an api-version (5.3, May 2024).
        REQUIRE_RECORDING(response, u"21-graphql-GetCodyContext-5.3-two-repos-response.json"_s);
        REQUIRE_RECORDING(request, u"29-completions-with-codebase-context-5.3-request.json"_s);
        const QJsonArray results
            = readJsonObject(response).value(u"data"_s)[u"getCodyContext"_s].toArray();
        QCOMPARE(results.size(), 17);
        QList<ContextItem> chunks;
        for (const QJsonValue &result : results) {
            const QJsonObject blob = result[u"blob"_s].toObject();
            ContextItem item = chunk(blob[u"repository"_s][u"name"_s].toString(),
                blob[u"path"_s].toString(), result[u"chunkContent"_s].toString(),
                // 0-based, end exclusive on the wire; 1-based, inclusive in a ContextItem.
                result[u"startLine"_s].toInt() + 1, result[u"endLine"_s].toInt());
            item.repoId = blob[u"repository"_s][u"id"_s].toString();
            item.revision = blob[u"commit"_s][u"oid"_s].toString();
            chunks.append(item);
        }
        // Cody's agent tests (CODY_SHIM_TESTING) sorted context by URI path with localeCompare
        // before building the prompt (vscode/src/chat/chat-view/agentContextSorting.ts at
        // 9ec119b2): that, not FX/21's rank, is the priority order FX/29 shows.
        const QStringList priority {u"github.com/sourcegraph/cody agent/README.md"_s,
            u"github.com/sourcegraph/cody agent/src/__tests__/example-ts/src/squirrel.ts"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/internal/api/handler_cgo.go"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/BUILD.bazel"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/CODENOTIFY"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/hover_test.go"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/lang_starlark.go"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/README.md"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/service_test.go"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/service.go"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/java1/src/sub/Sample2.java"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/python/sub/example3.py"_s,
            u"github.com/sourcegraph/sourcegraph cmd/symbols/squirrel/test_repos/starlark/BUILD"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/starlark/BUILD.bazel"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/starlark/bzl_library.bzl"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/starlark/sample.bzl"_s,
            u"github.com/sourcegraph/sourcegraph "
            "cmd/symbols/squirrel/test_repos/starlark/WORKSPACE"_s};
        const auto rank = [&priority](const ContextItem &item) {
            return priority.indexOf(item.repoName + u' ' + item.path);
        };
        std::ranges::stable_sort(chunks, {}, rank);
        QCOMPARE(rank(chunks.first()), 0);
        QCOMPARE(rank(chunks.last()), 16);

        PromptBuilder::Input input;
        input.model = u"anthropic/claude-3-opus-20240229"_s;
        input.apiVersion = 0; // the request had no api-version parameter
        input.transcript = {{H, u"What is Squirrel?"_s}};
        input.items = {repository(u"github.com/sourcegraph/cody"_s),
            repository(u"github.com/sourcegraph/sourcegraph"_s)};
        input.items.append(chunks);
        const PromptBuilder::Result result = PromptBuilder::build(input);
        QVERIFY(result.fits);
        for (const ContextItem &item : result.items)
            QVERIFY2(item.sent, qPrintable(item.path + u": "_s + item.omittedReason));

        // Without an api-version Cody ended the list with an empty assistant message; Cody Chat
        // always sends an api-version, and completionRequestBody() leaves empty messages out.
        QJsonArray expected = recordedMessages(request);
        QCOMPARE(expected.size(), 2 + 2 * 17 + 1 + 1);
        QCOMPARE(expected.last().toObject(), (QJsonObject {{u"speaker"_s, u"assistant"_s}}));
        expected.removeLast();
        COMPARE_MESSAGES(wireMessages(result.messages), expected);
    }

    void localFileContextAsRecorded()
    {
        // FX/31: four workspace files at api-version 8 with Claude 3.5 Sonnet. Cody's test added
        // them in this order (agent/src/index.test.ts, mockContextItems); their content is only
        // in the recording.
        REQUIRE_RECORDING(request, u"31-completions-apiv8-local-file-context-request.json"_s);
        const QJsonArray recorded = recordedMessages(request);
        QCOMPARE(recorded.size(), 1 + 2 * 4 + 1);
        const QString root = u"/tmp/workspace"_s;
        PromptBuilder::Input input;
        for (const QString &path : {u"src/animal.ts"_s, u"src/ChatColumn.tsx"_s,
                 u"src/Heading.tsx"_s, u"src/squirrel.ts"_s}) {
            const qsizetype at = 1 + 2 * (3 - input.items.size());
            const QString content = between(recordedText(recorded, at),
                u"Codebase context from file %1:\n```typescript:%1\n"_s.arg(path), u"```"_s);
            QVERIFY2(!content.isEmpty(), qPrintable(path));
            input.items.append(localFile(root + u'/' + path, content));
        }
        input.model = u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
        input.apiVersion = 8;
        input.localRoot = root;
        input.window = ContextBudget::Window::forModel(45000);
        input.transcript = {{H,
            u"Write a class Dog that implements the Animal interface in my workspace. Show the "
            "code only, no explanation needed."_s}};
        const PromptBuilder::Result result = PromptBuilder::build(input);
        QCOMPARE(result.omittedItems, 0);
        COMPARE_MESSAGES(wireMessages(result.messages), recorded);
    }

    void fileMentionsAsRecorded()
    {
        // FX/32: "@src/animal.ts:1-6 @src/animal.ts" with Gemini at api-version 8. Cody's
        // explain command put the range first and its file second.
        REQUIRE_RECORDING(request, u"32-completions-apiv8-at-file-mention-request.json"_s);
        const QJsonArray recorded = recordedMessages(request);
        QCOMPARE(recorded.size(), 2 + 2 * 2 + 1);
        const QString file = between(recordedText(recorded, 2),
            u"Codebase context from file path src/animal.ts: "_s, QString());
        const QString range = between(recordedText(recorded, 4),
            u"My selected code from codebase file src/animal.ts:1-6:\n```\n"_s, u"```"_s);
        QVERIFY(!file.isEmpty() && !range.isEmpty());
        PromptBuilder::Input input;
        input.model = u"google::v1::gemini-1.5-flash"_s;
        input.apiVersion = 8;
        input.localRoot = u"/tmp/workspace"_s;
        input.items = {localFile(u"/tmp/workspace/src/animal.ts"_s, range, 1, 6),
            localFile(u"/tmp/workspace/src/animal.ts"_s, file)};
        input.transcript = {{H, recordedText(recorded, 6)}};
        const PromptBuilder::Result result = PromptBuilder::build(input);
        QCOMPARE(result.omittedItems, 0);
        COMPARE_MESSAGES(wireMessages(result.messages), recorded);
    }

    void ownFixtures_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QString::fromUtf8(CODY_TEST_DATA_DIR) + u"/context"_s);
        const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 4);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void ownFixtures()
    {
        QFETCH(QString, path);
        const QJsonObject fixture = readJsonObject(path);
        QVERIFY2(!fixture.isEmpty(), qPrintable(path));
        PromptBuilder::Input input;
        input.model = fixture[u"model"_s].toString();
        input.apiVersion = fixture[u"apiVersion"_s].toInt();
        input.localRoot = fixture[u"localRoot"_s].toString();
        input.window = ContextBudget::Window::forModel(fixture[u"maxInputTokens"_s].toInteger());
        for (const QJsonValue &message : fixture[u"transcript"_s].toArray()) {
            const QString speaker = message[u"speaker"_s].toString();
            input.transcript.append({speaker == u"assistant"_s ? ChatMessage::Speaker::Assistant
                                                               : ChatMessage::Speaker::Human,
                message[u"text"_s].toString()});
        }
        for (const QJsonValue &item : fixture[u"items"_s].toArray()) {
            const auto parsed = ContextItem::fromJson(item.toObject());
            QVERIFY(parsed);
            input.items.append(*parsed);
        }
        const PromptBuilder::Result result = PromptBuilder::build(input);
        QVERIFY(result.fits);
        COMPARE_MESSAGES(wireMessages(result.messages), fixture[u"messages"_s].toArray());
        const QJsonArray sent = fixture[u"sent"_s].toArray();
        const QJsonArray reasons = fixture[u"reasons"_s].toArray();
        QCOMPARE(result.items.size(), sent.size());
        for (qsizetype i = 0; i < result.items.size(); ++i) {
            QCOMPARE(result.items.at(i).sent, sent.at(i).toBool());
            QCOMPARE(result.items.at(i).omittedReason, reasons.at(i).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestPromptBuilderRecorded)
#include "tst_promptbuilderrecorded.moc"
