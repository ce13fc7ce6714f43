// SPDX-License-Identifier: Apache-2.0
#include "context/promptpreamble.h"
#include "prompttestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::PromptPreamble;

namespace {

const QString Chat
    = u"You are Cody, an AI coding assistant from Sourcegraph.If your answer contains "
      "fenced code blocks in Markdown, include the relevant full file path in the "
      "code block tag using this structure: ```$LANGUAGE:$FILEPATH```\nFor "
      "executable terminal commands: enclose each command in individual \"bash\" "
      "language code block without comments and new lines inside.\n\nCheck if you "
      "have access to terminal/shell tools. If so, use it to execute commands to "
      "gather information. The terminal output is included in your context. You "
      "can reference and analyze this output in your response."_s;
const QString Short = u"You are Cody, an AI coding assistant from Sourcegraph."_s;
const QString Ack = u"I am Cody, an AI coding assistant from Sourcegraph."_s;

} // namespace

class TestPromptPreamble : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QString>("instructions");
        QTest::addColumn<QStringList>("messages");

        const QString sonnet = u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
        QTest::newRow("claude-3, api 8: one system message (FX/31)")
            << sonnet << 8 << QString() << QStringList {u"system:"_s + Chat};
        QTest::newRow("claude-3, api 1: system too")
            << u"anthropic::2023-06-01::claude-3-haiku"_s << 1 << QString()
            << QStringList {u"system:"_s + Chat};
        QTest::newRow("claude-3, no api-version: short pair (FX/29)")
            << u"anthropic/claude-3-opus-20240229"_s << 0 << QString()
            << QStringList {u"human:"_s + Short, u"assistant:"_s + Ack};
        QTest::newRow("gemini, api 8: pair (FX/32)")
            << u"google::v1::gemini-1.5-flash"_s << 8 << QString()
            << QStringList {u"human:"_s + Chat, u"assistant:"_s + Ack};
        QTest::newRow("claude 4 is not claude-3: pair")
            << u"anthropic::2024-10-22::claude-sonnet-4-latest"_s << 8 << QString()
            << QStringList {u"human:"_s + Chat, u"assistant:"_s + Ack};
        QTest::newRow("gpt, api 5: pair")
            << u"openai::2024-02-01::gpt-4o"_s << 5 << QString()
            << QStringList {u"human:"_s + Chat, u"assistant:"_s + Ack};
        QTest::newRow("instructions after a blank line")
            << sonnet << 8 << u"Answer in German. "_s
            << QStringList {u"system:"_s + Chat + u"\n\nAnswer in German."_s};
        QTest::newRow("instructions, legacy: after a space")
            << u"anthropic/claude-3-opus-20240229"_s << 0 << u"Be brief."_s
            << QStringList {u"human:"_s + Short + u" Be brief."_s, u"assistant:"_s + Ack};
    }

    void messages()
    {
        QFETCH(QString, model);
        QFETCH(int, apiVersion);
        QFETCH(QString, instructions);
        QFETCH(QStringList, messages);
        QCOMPARE(cody::test::describe(PromptPreamble::messages(model, apiVersion, instructions)),
            messages);
    }

    void mixin_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("sent");
        const QString mixed = u"Answer positively without apologizing.\n\nQuestion: Why?"_s;
        QTest::newRow("3-5-sonnet")
            << u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s << u"Why?"_s << mixed;
        QTest::newRow("3.5-sonnet") << u"sourcegraph/claude-3.5-sonnet"_s << u"Why?"_s << mixed;
        QTest::newRow("3-opus") << u"anthropic/claude-3-opus-20240229"_s << u"Why?"_s << u"Why?"_s;
        QTest::newRow("3-7-sonnet")
            << u"anthropic::2024-10-22::claude-3-7-sonnet-latest"_s << u"Why?"_s << u"Why?"_s;
        QTest::newRow("gemini") << u"google::v1::gemini-1.5-flash"_s << u"Why?"_s << u"Why?"_s;
        QTest::newRow("empty question stays empty")
            << u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s << QString() << QString();
    }

    void mixin()
    {
        QFETCH(QString, model);
        QFETCH(QString, question);
        QFETCH(QString, sent);
        QCOMPARE(PromptPreamble::withMixin(question, model), sent);
    }
};

QTEST_GUILESS_MAIN(TestPromptPreamble)
#include "tst_promptpreamble.moc"
