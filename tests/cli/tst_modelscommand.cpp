// SPDX-License-Identifier: Apache-2.0
#include "clirunner.h"
#include "fakesourcegraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestModelsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAliasesThenServerModels()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"models"_s});
        QCOMPARE(run.exitCode, 0);
        const QString out = run.outText();
        QVERIFY(out.contains(u"cody-sonnet"_s));
        QVERIFY(out.contains(u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s));
        const qsizetype serverPart = out.indexOf(u"Server chat models"_s);
        QVERIFY(serverPart > out.indexOf(u"cody-gemini"_s));
        QVERIFY(out.indexOf(u"cody/anthropic::2023-06-01::claude-3-opus"_s, serverPart) > 0);
        QVERIFY(out.indexOf(u"cody/mistral::v1::mixtral-8x7b-instruct"_s, serverPart) > 0);
        // Deprecated, waitlisted and non-chat models are not offered.
        QCOMPARE(out.indexOf(u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s, serverPart), -1);
        QCOMPARE(out.indexOf(u"gpt-3.5-turbo"_s, serverPart), -1);
        QCOMPARE(out.indexOf(u"cody-chat-preview-001"_s, serverPart), -1);
        QCOMPARE(out.indexOf(u"deepseek"_s), -1);
        // An alias whose target the server does not offer says so; a deprecated one is marked
        // (and still works, as in Cody's own clients). The recorded servers list neither gpt-4 nor
        // gemini-pro, and call claude-3.5-sonnet deprecated.
        QVERIFY2(out.contains(u"cody/google::v1::gemini-pro (not offered by the server)"_s),
            qPrintable(out));
        QVERIFY2(
            out.contains(u"cody/openai::v1::gpt-4 (not offered by the server)"_s), qPrintable(out));
        QVERIFY2(out.contains(u"cody/anthropic::2023-06-01::claude-3.5-sonnet (deprecated)"_s),
            qPrintable(out));
    }

    // The catalog the fake served before it followed the recordings: gpt-4 listed, deprecated.
    void deprecatedAliasTargetIsMarked()
    {
        FakeSourcegraph::Options options;
        options.catalog = FakeDocuments::Catalog::StableSonnet;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"models"_s});
        QCOMPARE(run.exitCode, 0);
        const QString out = run.outText();
        QVERIFY2(out.contains(u"cody/openai::v1::gpt-4 (deprecated)"_s), qPrintable(out));
        QCOMPARE(
            out.indexOf(u"cody/openai::v1::gpt-4 "_s, out.indexOf(u"Server chat models"_s)), -1);
    }

    void json()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"models"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        const QJsonArray aliases = json.value(u"aliases"_s).toArray();
        QCOMPARE(aliases.size(), 6);
        QCOMPARE(aliases.at(0).toObject().value(u"name"_s).toString(), u"cody-opus"_s);
        QCOMPARE(aliases.at(0).toObject().value(u"available"_s).toBool(), true);
        const QJsonArray models = json.value(u"models"_s).toArray();
        QCOMPARE(models.size(), 9); // the stable chat models of recording 16
        const QJsonObject sonnet = models.at(0).toObject();
        QCOMPARE(sonnet.value(u"name"_s).toString(),
            u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
        QCOMPARE(sonnet.value(u"contextWindow"_s).toInt(), 45000);
        QCOMPARE(sonnet.value(u"maxOutputTokens"_s).toInt(), 4000);
        QCOMPARE(sonnet.value(u"status"_s).toString(), u"stable"_s);
        QVERIFY(!json.contains(u"serverError"_s));
    }

    void offlineStillListsAliases()
    {
        CliRunner cli; // no LLM_BASE_URL
        const CliRun run = cli.run({u"models"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.outText().contains(u"cody-haiku"_s));
        QVERIFY2(run.errText().contains(u"LLM_BASE_URL"_s), qPrintable(run.errText()));
    }

    void unreachableServer()
    {
        CliRunner cli;
        cli.environment().insert(u"LLM_BASE_URL"_s, u"http://127.0.0.1:9"_s);
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_x"_s);
        const CliRun run = cli.run({u"models"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 4);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(u"aliases"_s).toArray().size(), 6);
        QVERIFY(json.value(u"serverError"_s).toString().contains(u"connection refused"_s));
    }

    void rejectedToken()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_wrong"_s);
        const CliRun run = cli.run({u"models"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.outText().contains(u"cody-opus"_s));
    }
};

QTEST_GUILESS_MAIN(TestModelsCommand)
#include "tst_modelscommand.moc"
