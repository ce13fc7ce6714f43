// SPDX-License-Identifier: Apache-2.0
#include "cody/tokenusage.h"
#include "context/contextrendering.h"
#include "context/promptbuilder.h"
#include "prompttestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::ChatMessage;
using cody::ContextBudget;
using cody::ContextItem;
using cody::PromptBuilder;

namespace {

constexpr auto H = ChatMessage::Speaker::Human;
constexpr auto A = ChatMessage::Speaker::Assistant;

const QString Gemini = u"google::v1::gemini-1.5-flash"_s; // a human/assistant preamble
const QString Sonnet = u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
const QString Repo = u"github.com/sourcegraph/cody"_s;
constexpr qint64 Plenty = 1'000'000;

PromptBuilder::Input input(const QList<ContextItem> &items, qint64 window = Plenty,
    const QList<ChatMessage> &transcript = {{H, u"Why?"_s}})
{
    PromptBuilder::Input in;
    in.model = Gemini;
    in.apiVersion = 8;
    in.transcript = transcript;
    in.items = items;
    in.window = {window, 0};
    in.localRoot = u"/src"_s;
    return in;
}

/// What the preamble and transcript of `in` cost, measured without items.
qint64 chatTokens(PromptBuilder::Input in)
{
    in.items.clear();
    in.window = {Plenty, 0};
    const auto measured = PromptBuilder::measure(in);
    return measured.preambleTokens + measured.transcriptTokens;
}

/// An item's tokens, measured alone with plenty of room.
qint64 tokensOf(const ContextItem &item)
{
    return PromptBuilder::measure(input({item})).items.first().tokens;
}

QString text(int characters, QChar fill = u'x')
{
    return QString(characters - 1, fill) + u'\n';
}

QList<bool> sentFlags(const PromptBuilder::Result &result)
{
    QList<bool> flags;
    for (const ContextItem &item : result.items)
        flags.append(item.sent);
    return flags;
}

qint64 tokensOfMessages(const QList<ChatMessage> &messages)
{
    qint64 tokens = 0;
    for (const ChatMessage &message : messages)
        tokens += cody::estimatedMessageTokens(message.text.size());
    return tokens;
}

} // namespace

class TestPromptBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemThatJustFitsIsSent()
    {
        const ContextItem item = localFile(u"/src/a.py"_s, text(400));
        const qint64 tokens = tokensOf(item);
        QCOMPARE(tokens,
            cody::estimatedMessageTokens(cody::ContextRendering::render(item,
                cody::ContextRendering::Template::Code, cody::PromptFormat::Current, u"/src"_s)
                                             .size())
                + 5); // "Ok."
        auto in = input({item});
        in.window.input = chatTokens(in) + tokens;
        const auto result = PromptBuilder::build(in);
        QVERIFY(result.items.first().sent);
        QCOMPARE(result.items.first().omittedReason, QString());
        QCOMPARE(result.items.first().tokens, tokens);
        QCOMPARE(result.estimatedTokens, in.window.input);
        QCOMPARE(result.userTokens, tokens);
        QCOMPARE(result.messages.size(), 2 + 2 + 1);

        in.window.input -= 1;
        const auto tooBig = PromptBuilder::build(in);
        const ContextItem &left = tooBig.items.first();
        QVERIFY(!left.sent);
        QCOMPARE(left.tokens, tokens); // measured all the same
        QCOMPARE(left.omittedReason,
            u"would exceed the context budget: about %1 tokens, %2 left"_s.arg(tokens).arg(
                tokens - 1));
        QCOMPARE(tooBig.omittedItems, 1);
        QCOMPARE(tooBig.messages.size(), 2 + 1); // skipped, never truncated
        QVERIFY(!describe(tooBig.messages).join(u'\n').contains(u"a.py"_s));
    }

    void smallerLaterItemStillFits()
    {
        const ContextItem big = localFile(u"/src/big.py"_s, text(4000));
        const ContextItem small = localFile(u"/src/small.py"_s, text(200));
        const ContextItem middle = localFile(u"/src/middle.py"_s, text(1000));
        auto in = input({big, small, middle});
        in.window.input = chatTokens(in) + tokensOf(small) + tokensOf(middle) - 1;
        const auto result = PromptBuilder::build(in);
        QCOMPARE(sentFlags(result), (QList<bool> {false, true, false}));
        QVERIFY(result.items.at(0).omittedReason.startsWith(u"would exceed the context budget"_s));
        QCOMPARE(result.items.at(2).omittedReason,
            ContextBudget::exceeds(tokensOf(middle), tokensOf(middle) - 1));
        QCOMPARE(result.messages.size(), 2 + 2 + 1);
        QVERIFY(result.messages.at(2).text.startsWith(u"Codebase context from file small.py:"_s));
    }

    void retrievedChunksAreCappedAtSixtyPercent()
    {
        QList<ContextItem> chunks;
        for (int i = 0; i < 12; ++i)
            chunks.append(chunk(Repo, u"f%1.go"_s.arg(i, 2, 10, QChar(u'0')), text(400)));
        const qint64 each = tokensOf(chunks.first());
        auto in = input(chunks);
        const qint64 remaining = 10 * each; // room for ten, were it all theirs
        in.window.input = chatTokens(in) + remaining;
        const auto result = PromptBuilder::build(in);
        const qint64 cap = remaining * 60 / 100;
        QCOMPARE(result.corpusBudget, cap);
        const qint64 expected = cap / each; // 6
        const QList<bool> flags = sentFlags(result);
        QCOMPARE(std::count(flags.cbegin(), flags.cend(), true), expected);
        QCOMPARE(result.corpusTokens, expected * each);
        QVERIFY(result.corpusTokens <= cap);
        // In rank order: the first six, then the rest with the reason.
        for (int i = 0; i < chunks.size(); ++i)
            QCOMPARE(result.items.at(i).sent, i < expected);
        QCOMPARE(
            result.items.last().omittedReason, ContextBudget::exceeds(each, cap - expected * each));

        // User-added items are not capped: one item may take 90 %.
        auto user = input({localFile(u"/src/a.md"_s, text(int(9 * each * 4 - 60)))});
        const qint64 large = tokensOf(user.items.first());
        QVERIFY(large > cap && large <= remaining);
        user.window.input = chatTokens(user) + remaining;
        QVERIFY(PromptBuilder::build(user).items.first().sent);
    }

    void userItemsShrinkTheRetrievedBudget()
    {
        const ContextItem mine = localFile(u"/src/mine.ts"_s, text(800));
        const ContextItem found = chunk(Repo, u"found.go"_s, text(200));
        auto in = input({found, mine}); // interleaved: user-added items go first anyway
        const qint64 remaining = 1000;
        in.window.input = chatTokens(in) + remaining;
        const auto result = PromptBuilder::build(in);
        QCOMPARE(result.userTokens, tokensOf(mine));
        QCOMPARE(result.corpusBudget, (remaining - tokensOf(mine)) * 60 / 100);
        QCOMPARE(sentFlags(result), (QList<bool> {true, true}));
        QCOMPARE(result.estimatedTokens, tokensOfMessages(result.messages));
    }

    void separateBudgetMode()
    {
        // 45000 = 15000 for the chat + 30000 for user-added context (context.md §3.3).
        QList<ContextItem> items;
        for (int i = 0; i < 5; ++i)
            items.append(localFile(u"/src/f%1.cpp"_s.arg(i), text(20000))); // ~5000 tokens each
        items.append(chunk(Repo, u"a.go"_s, text(40000))); // over 60 % of the chat's room
        items.append(chunk(Repo, u"b.go"_s, text(4000)));
        auto in = input(items);
        in.window = ContextBudget::Window::forModel(45000);
        const auto result = PromptBuilder::build(in);
        const qint64 chat = chatTokens(in);
        QCOMPARE(result.inputBudget, 15000);
        QCOMPARE(result.userBudget, 30000);
        QCOMPARE(result.userTokens, 5 * tokensOf(items.first())); // far beyond the chat's 15000
        QCOMPARE(result.corpusBudget, (15000 - chat) * 60 / 100); // not shrunk by user items
        QCOMPARE(sentFlags(result), (QList<bool> {true, true, true, true, true, false, true}));
        QVERIFY(result.estimatedTokens > 15000 && result.estimatedTokens <= 45000);

        // Past 30000 the next user-added item is left out.
        in.items.append(localFile(u"/src/f9.cpp"_s, text(20000)));
        QCOMPARE(PromptBuilder::measure(in).items.last().omittedReason,
            ContextBudget::exceeds(tokensOf(in.items.last()), 30000 - 5 * tokensOf(items.first())));
    }

    void transcriptTurnsGoBeforeAnyContext()
    {
        const QList<ChatMessage> transcript {
            {H, text(400)}, {A, text(400)}, {H, text(400)}, {A, text(400)}, {H, u"And now?"_s}};
        const ContextItem item = localFile(u"/src/a.py"_s, text(40));
        auto in = input({item}, Plenty, transcript);
        const qint64 chat = chatTokens(in);

        // The whole transcript fits exactly: it stays whole, and the item gets nothing.
        in.window.input = chat;
        auto result = PromptBuilder::build(in);
        QCOMPARE(result.omittedMessages, 0);
        QVERIFY(!result.items.first().sent);
        QCOMPARE(describe(result.messages.mid(2)), describe(transcript));

        // One token less: the oldest turn goes, whole; what it leaves is the context's.
        in.window.input = chat - 1;
        result = PromptBuilder::build(in);
        QCOMPARE(result.omittedMessages, 2);
        QVERIFY(result.items.first().sent);
        QCOMPARE(describe(result.messages.mid(4)), describe(transcript.mid(2)));
        QVERIFY(result.estimatedTokens <= in.window.input);
    }

    void questionAloneTooLong()
    {
        const QList<ChatMessage> transcript {{H, u"Earlier"_s}, {A, u"Yes"_s}, {H, text(4000)}};
        auto in = input({localFile(u"/src/a.py"_s, text(40)), chunk(Repo, u"b.go"_s, text(40)),
                            repository(Repo)},
            Plenty, transcript);
        // One token short of the preamble and the question alone.
        in.window.input = chatTokens(input({}, Plenty, {transcript.last()})) - 1;
        const auto result = PromptBuilder::build(in);
        QVERIFY(!result.fits);
        QVERIFY(result.error.startsWith(u"the message is too long: about "_s));
        QVERIFY(result.error.contains(QString::number(in.window.input)));
        QCOMPARE(result.items.at(0).omittedReason,
            u"no room: the question alone exceeds the model's input limit"_s);
        QCOMPARE(result.items.at(1).omittedReason, result.items.at(0).omittedReason);
        QCOMPARE(result.items.at(2).omittedReason, u"nothing retrieved from it was sent"_s);
        QVERIFY(result.items.at(0).tokens > 0);
        QCOMPARE(result.omittedMessages, 2);
        QCOMPARE(describe(result.messages.mid(2)), describe(transcript.mid(2)));
        QVERIFY(result.estimatedTokens > in.window.input);
    }

    void orderIsReversedPriority()
    {
        // Retrieved chunks before user-added items; the first user-added item nearest the
        // transcript (context.md §3.2).
        auto in
            = input({chunk(Repo, u"r1.go"_s, u"r1\n"_s), localFile(u"/src/u1.py"_s, u"u1\n"_s),
                        chunk(Repo, u"r2.go"_s, u"r2\n"_s), localFile(u"/src/u2.py"_s, u"u2\n"_s)},
                Plenty, {{H, u"first"_s}, {A, u"answer"_s}, {H, u"second"_s}});
        const auto result = PromptBuilder::build(in);
        QStringList order;
        for (const ChatMessage &message : result.messages.mid(2)) {
            const QString line = message.text.section(u'\n', 0, 0);
            order.append(speakerName(message.speaker) + u':' + line.section(u' ', 4, 4));
        }
        QCOMPARE(order,
            (QStringList {u"human:/r2.go"_s, u"assistant:"_s, u"human:/r1.go"_s, u"assistant:"_s,
                u"human:u2.py:"_s, u"assistant:"_s, u"human:u1.py:"_s, u"assistant:"_s, u"human:"_s,
                u"assistant:"_s, u"human:"_s}));
        QCOMPARE(result.messages.at(3).text, u"Ok."_s);
        QCOMPARE(describe(result.messages.mid(10)),
            (QStringList {u"human:first"_s, u"assistant:answer"_s, u"human:second"_s}));
        // Items come back in their input order.
        QCOMPARE(result.items.at(0).path, u"r1.go"_s);
        QCOMPARE(sentFlags(result), (QList<bool> {true, true, true, true}));
    }

    void duplicatesAreLeftOut()
    {
        const ContextItem file = remoteFile(Repo, u"agent/README.md"_s, text(400));
        const ContextItem part = chunk(Repo, u"agent/README.md"_s, text(100), 52, 72);
        const ContextItem overlapping = chunk(Repo, u"agent/README.md"_s, text(100), 60, 80);
        auto in = input({part, file, overlapping});
        auto result = PromptBuilder::build(in);
        QCOMPARE(sentFlags(result), (QList<bool> {false, true, false}));
        QCOMPARE(result.items.at(0).omittedReason, u"duplicate of agent/README.md"_s);

        // A whole file that did not fit suppresses nothing: a chunk of it still may fit (in
        // the 60 % that retrieved chunks may have).
        in.window.input = chatTokens(in) + (tokensOf(part) * 100 + 59) / 60;
        QVERIFY(tokensOf(file) > in.window.input - chatTokens(in));
        result = PromptBuilder::build(in);
        QCOMPARE(sentFlags(result), (QList<bool> {true, false, false}));
        QVERIFY(result.items.at(1).omittedReason.startsWith(u"would exceed"_s));
        QCOMPARE(result.items.at(2).omittedReason, u"duplicate of agent/README.md:52-72"_s);
    }

    void blankFilteredAndScopeItems()
    {
        ContextItem filtered = chunk(u"github.com/acme/secret"_s, u"k.go"_s, text(40));
        filtered.omittedReason = u"excluded by the context filters"_s;
        ContextItem folder = repository(Repo);
        folder.kind = ContextItem::Kind::RemoteFolder;
        folder.path = u"agent/"_s;
        auto in
            = input({chunk(Repo, u"agent/blank.go"_s, u"  \n"_s), localFile(u"/src/empty.py"_s, {}),
                filtered, repository(Repo), folder, repository(u"github.com/acme/none"_s),
                chunk(Repo, u"vscode/x.ts"_s, text(40)), repository(u"github.com/acme/secret"_s)});
        const auto result = PromptBuilder::build(in);
        QCOMPARE(result.items.at(0).omittedReason, u"empty: nothing to send"_s);
        QCOMPARE(result.items.at(0).tokens, 0);
        QVERIFY(result.items.at(1).sent); // the user added it: an empty file is still sent
        QCOMPARE(result.items.at(2).omittedReason, u"excluded by the context filters"_s);
        QVERIFY(result.items.at(2).tokens > 0);
        QVERIFY(result.items.at(3).sent); // vscode/x.ts came from it
        QCOMPARE(result.items.at(3).tokens, 0);
        QCOMPARE(result.items.at(4).omittedReason, u"nothing retrieved from it was sent"_s);
        QCOMPARE(result.items.at(5).omittedReason, u"nothing was retrieved from it"_s);
        QCOMPARE(result.items.at(7).omittedReason, u"nothing retrieved from it was sent"_s);
        QCOMPARE(result.omittedItems, 5);
        QCOMPARE(result.messages.size(), 2 + 4 + 1);
    }

    void measureDecidesAsBuildDoes()
    {
        auto in
            = input({localFile(u"/src/a.py"_s, text(900)), chunk(Repo, u"b.go"_s, text(300)),
                        chunk(Repo, u"c.go"_s, text(3000)), localFile(u"/src/d.py"_s, text(100))},
                Plenty, {{H, u"q1"_s}, {A, u"a1"_s}, {H, u"q2"_s}});
        in.window.input = chatTokens(in) + 500;
        const auto built = PromptBuilder::build(in);
        const auto measured = PromptBuilder::measure(in);
        QVERIFY(measured.messages.isEmpty());
        QCOMPARE(measured.items, built.items);
        QCOMPARE(measured.estimatedTokens, built.estimatedTokens);
        QCOMPARE(measured.corpusBudget, built.corpusBudget);
        QCOMPARE(measured.omittedItems, built.omittedItems);
        // The estimate is exactly what the messages cost.
        QCOMPARE(built.estimatedTokens, tokensOfMessages(built.messages));
        QCOMPARE(built.estimatedTokens,
            built.preambleTokens + built.transcriptTokens + built.userTokens + built.corpusTokens);
    }

    void systemMessagesJoinThePreambleAndOnlyTheQuestionIsMixed()
    {
        auto in = input({}, Plenty,
            {{ChatMessage::Speaker::System, u"Answer in German."_s}, {H, u"Old?"_s}, {A, u"Ja."_s},
                {H, u"New?"_s}, {A, u"Partial"_s}});
        in.model = Sonnet;
        const auto result = PromptBuilder::build(in);
        QCOMPARE(result.messages.size(), 5);
        QCOMPARE(result.messages.at(0).speaker, ChatMessage::Speaker::System);
        QVERIFY(result.messages.at(0).text.endsWith(u"in your response.\n\nAnswer in German."_s));
        QCOMPARE(describe(result.messages.mid(1)),
            (QStringList {u"human:Old?"_s, u"assistant:Ja."_s,
                u"human:Answer positively without apologizing.\n\nQuestion: New?"_s,
                u"assistant:Partial"_s}));
    }

    void wireMessagesAreTheMessages()
    {
        // completionRequestBody() sends the built messages unchanged: speakers alternate.
        auto in
            = input({localFile(u"/src/a.py"_s, u"print()\n"_s), chunk(Repo, u"b.go"_s, u"b\n"_s)},
                Plenty, {{H, u"q1"_s}, {A, u"a1"_s}, {H, u"q2"_s}});
        for (const QString &model : {Gemini, Sonnet}) {
            in.model = model;
            const auto result = PromptBuilder::build(in);
            const QJsonArray wire = wireMessages(result.messages);
            QCOMPARE(wire.size(), result.messages.size());
            for (qsizetype i = 0; i < wire.size(); ++i) {
                QCOMPARE(wire.at(i)[u"speaker"_s].toString(),
                    speakerName(result.messages.at(i).speaker));
                QCOMPARE(wire.at(i)[u"text"_s].toString(), result.messages.at(i).text);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPromptBuilder)
#include "tst_promptbuilder.moc"
