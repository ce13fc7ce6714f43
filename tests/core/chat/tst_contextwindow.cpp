// SPDX-License-Identifier: Apache-2.0
#include "chat/contextwindow.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::ContextWindow;

namespace {

// Texts start with the message's index so that the chosen messages can be told apart; 12
// characters cost 3 + 4 = 7 estimated tokens.
constexpr int DefaultLength = 12;
constexpr qint64 DefaultTokens = 7;

ChatMessage message(ChatMessage::Speaker speaker, qsizetype index, int length)
{
    QString text = QString::number(index);
    text = length > 0 ? text.leftJustified(length, u'.', true) : QString();
    return ChatMessage {speaker, text};
}

/// "S H:400 A" → a system message, a 400-character human message and an assistant reply.
QList<ChatMessage> transcript(const QString &spec)
{
    QList<ChatMessage> result;
    const QStringList items = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList parts = item.split(u':');
        const QChar kind = parts.first().at(0);
        const auto speaker = kind == u'S' ? ChatMessage::Speaker::System
            : kind == u'A'                ? ChatMessage::Speaker::Assistant
                                          : ChatMessage::Speaker::Human;
        const int length = parts.size() > 1 ? parts.at(1).toInt() : DefaultLength;
        result.append(message(speaker, result.size(), length));
    }
    return result;
}

QStringList describe(const QList<ChatMessage> &messages)
{
    QStringList result;
    for (const ChatMessage &m : messages)
        result.append(cody::speakerName(m.speaker) % u':' % m.text);
    return result;
}

QStringList pick(const QList<ChatMessage> &messages, const QString &indices)
{
    QList<ChatMessage> picked;
    const QStringList items = indices.split(u' ', Qt::SkipEmptyParts);
    for (const QString &index : items)
        picked.append(messages.at(index.toInt()));
    return describe(picked);
}

} // namespace

class TestContextWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimateTokens_data();
    void estimateTokens();
    void choose_data();
    void choose();
    void omittedNote_data();
    void omittedNote();
    void longTranscript();
    void longTranscriptUnknownLimit();
    void tooLong_data();
    void tooLong();
};

void TestContextWindow::estimateTokens_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<qint64>("tokens");

    QTest::newRow("empty (not sent)") << 0 << qint64(0);
    QTest::newRow("one character") << 1 << qint64(5);
    QTest::newRow("four characters") << 4 << qint64(5);
    QTest::newRow("five characters round up") << 5 << qint64(6);
    QTest::newRow("twelve characters") << 12 << qint64(DefaultTokens);
    QTest::newRow("400 characters") << 400 << qint64(104);
}

void TestContextWindow::estimateTokens()
{
    QFETCH(int, length);
    QFETCH(qint64, tokens);

    const ChatMessage m {ChatMessage::Speaker::Human, QString(length, u'x')};
    QCOMPARE(ContextWindow::estimateTokens(m), tokens);
}

void TestContextWindow::choose_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<qint64>("maxInput");
    QTest::addColumn<int>("maxOutput");
    QTest::addColumn<QString>("kept");
    QTest::addColumn<int>("omitted");
    QTest::addColumn<qint64>("estimated");
    QTest::addColumn<bool>("fits");

    const QString chat = u"S H A H A H"_s; // six messages of 7 tokens: 42 in all

    QTest::newRow("unknown limit keeps all")
        << chat << qint64(0) << 100 << u"0 1 2 3 4 5"_s << 0 << qint64(42) << true;
    QTest::newRow("negative limit is unknown")
        << u"S H:400 A H:400"_s << qint64(-1) << 100 << u"0 1 2 3"_s << 0 << qint64(222) << true;
    QTest::newRow("everything fits exactly")
        << chat << qint64(42) << 0 << u"0 1 2 3 4 5"_s << 0 << qint64(42) << true;
    QTest::newRow("everything fits with room")
        << chat << qint64(1000) << 0 << u"0 1 2 3 4 5"_s << 0 << qint64(42) << true;
    QTest::newRow("oldest turn dropped")
        << chat << qint64(41) << 0 << u"0 3 4 5"_s << 2 << qint64(28) << true;
    // Room for the oldest assistant reply but not for its question: the pair goes as a whole.
    QTest::newRow("pair never split")
        << chat << qint64(35) << 0 << u"0 3 4 5"_s << 2 << qint64(28) << true;
    QTest::newRow("turn with several replies dropped whole")
        << u"S H A A A H A H"_s << qint64(48) << 0 << u"0 5 6 7"_s << 4 << qint64(28) << true;
    QTest::newRow("only system and last question")
        << chat << qint64(27) << 0 << u"0 5"_s << 4 << qint64(14) << true;
    QTest::newRow("no system message")
        << u"H A H A H"_s << qint64(21) << 0 << u"2 3 4"_s << 2 << qint64(21) << true;
    QTest::newRow("no system message, only last question")
        << u"H A H A H"_s << qint64(20) << 0 << u"4"_s << 4 << qint64(7) << true;
    QTest::newRow("system message in the middle belongs to its turn")
        << u"H A H S A H"_s << qint64(28) << 0 << u"2 3 4 5"_s << 2 << qint64(28) << true;
    // A big turn that does not fit stops the walk, even if an older one would: what is sent stays
    // the newest, contiguous part of the conversation.
    QTest::newRow("no gaps after a big turn")
        << u"S H A H:400 A H"_s << qint64(40) << 0 << u"0 5"_s << 4 << qint64(14) << true;
    QTest::newRow("reply after the last question is kept")
        << u"S H A H A"_s << qint64(21) << 0 << u"0 3 4"_s << 2 << qint64(21) << true;
    QTest::newRow("greeting before the first question")
        << u"A H A H"_s << qint64(28) << 0 << u"0 1 2 3"_s << 0 << qint64(28) << true;
    QTest::newRow("greeting dropped like a turn")
        << u"A H A H"_s << qint64(27) << 0 << u"1 2 3"_s << 1 << qint64(21) << true;
    QTest::newRow("no human message")
        << u"S A A"_s << qint64(14) << 0 << u"0"_s << 2 << qint64(7) << true;
    QTest::newRow("empty messages cost nothing")
        << u"S H:0 A:0 H"_s << qint64(14) << 0 << u"0 1 2 3"_s << 0 << qint64(14) << true;
    QTest::newRow("last question too long")
        << u"S H A H:400"_s << qint64(100) << 0 << u"0 3"_s << 2 << qint64(111) << false;
    QTest::newRow("last question alone too long")
        << u"H:400"_s << qint64(100) << 0 << u"0"_s << 0 << qint64(104) << false;
    QTest::newRow("system message alone too long")
        << u"S"_s << qint64(6) << 0 << u"0"_s << 0 << qint64(7) << false;
    QTest::newRow("output reserved: one token")
        << chat << qint64(42) << 1 << u"0 3 4 5"_s << 2 << qint64(28) << true;
    QTest::newRow("output reserved: exact fit")
        << chat << qint64(42) << 14 << u"0 3 4 5"_s << 2 << qint64(28) << true;
    QTest::newRow("output reserved: one more")
        << chat << qint64(42) << 15 << u"0 5"_s << 4 << qint64(14) << true;
    QTest::newRow("output larger than the input limit")
        << chat << qint64(10) << 20 << u"0 5"_s << 4 << qint64(14) << false;
    QTest::newRow("negative output treated as none")
        << chat << qint64(42) << -5 << u"0 1 2 3 4 5"_s << 0 << qint64(42) << true;
    QTest::newRow("empty transcript")
        << QString() << qint64(100) << 50 << QString() << 0 << qint64(0) << true;
    QTest::newRow("empty transcript, unknown limit")
        << QString() << qint64(0) << 0 << QString() << 0 << qint64(0) << true;
}

void TestContextWindow::choose()
{
    QFETCH(QString, spec);
    QFETCH(qint64, maxInput);
    QFETCH(int, maxOutput);
    QFETCH(QString, kept);
    QFETCH(int, omitted);
    QFETCH(qint64, estimated);
    QFETCH(bool, fits);

    const QList<ChatMessage> messages = transcript(spec);
    const ContextWindow::Fit fit = ContextWindow::choose(messages, maxInput, maxOutput);

    QCOMPARE(describe(fit.messages), pick(messages, kept));
    QCOMPARE(fit.omitted, omitted);
    QCOMPARE(fit.omitted + fit.messages.size(), messages.size());
    QCOMPARE(fit.estimatedTokens, estimated);
    QCOMPARE(fit.fits, fits);
}

void TestContextWindow::omittedNote_data()
{
    QTest::addColumn<int>("omitted");
    QTest::addColumn<QString>("note");

    QTest::newRow("singular") << 1 << u"1 earlier message not sent (context limit)"_s;
    QTest::newRow("two") << 2 << u"2 earlier messages not sent (context limit)"_s;
    QTest::newRow("twelve") << 12 << u"12 earlier messages not sent (context limit)"_s;
    QTest::newRow("many") << 9900 << u"9900 earlier messages not sent (context limit)"_s;
}

void TestContextWindow::omittedNote()
{
    QFETCH(int, omitted);
    QFETCH(QString, note);

    QCOMPARE(ContextWindow::omittedNote(omitted), note);
}

void TestContextWindow::longTranscript()
{
    // A system message, 4 999 question/answer turns and a last question: 10 000 messages.
    QString spec = u"S"_s;
    for (int i = 0; i < 4999; ++i)
        spec += u" H A"_s;
    spec += u" H"_s;
    const QList<ChatMessage> messages = transcript(spec);
    QCOMPARE(messages.size(), 10000);

    // System + last question (14 tokens) + 49 whole turns of 14 tokens = 700 <= 707 < 714.
    const ContextWindow::Fit fit = ContextWindow::choose(messages, 707, 0);
    QVERIFY(fit.fits);
    QCOMPARE(fit.omitted, 9900);
    QCOMPARE(fit.messages.size(), 100);
    QCOMPARE(fit.estimatedTokens, qint64(700));
    QCOMPARE(describe(fit.messages.mid(0, 1)), describe(messages.mid(0, 1)));
    QCOMPARE(describe(fit.messages.mid(1)), describe(messages.mid(9901)));
    QCOMPARE(fit.messages.at(1).speaker, ChatMessage::Speaker::Human);
    QCOMPARE(ContextWindow::omittedNote(fit.omitted),
        u"9900 earlier messages not sent (context limit)"_s);
}

void TestContextWindow::longTranscriptUnknownLimit()
{
    QList<ChatMessage> messages;
    messages.reserve(10000);
    for (int i = 0; i < 10000; ++i)
        messages.append(
            message(i % 2 ? ChatMessage::Speaker::Assistant : ChatMessage::Speaker::Human, i, 12));

    const ContextWindow::Fit fit = ContextWindow::choose(messages, 0, 4000);
    QVERIFY(fit.fits);
    QCOMPARE(fit.omitted, 0);
    QCOMPARE(fit.messages.size(), 10000);
    QCOMPARE(fit.estimatedTokens, qint64(70000));
}

void TestContextWindow::tooLong_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<qint64>("maxInput");
    QTest::addColumn<int>("maxOutput");
    QTest::addColumn<QString>("expected"); // empty: it may be sent
    QTest::newRow("unknown limit") << u"H:100000"_s << qint64(0) << 10 << QString();
    QTest::newRow("fits") << u"S H"_s << qint64(24) << 10 << QString();
    QTest::newRow("old turns may go, the question stays")
        << u"H:4000 A:4000 H"_s << qint64(24) << 10 << QString();
    // 400 characters: 100 + 4 tokens, with 10 for the reply, against 100.
    QTest::newRow("the question alone is too long")
        << u"H:400"_s << qint64(100) << 10
        << u"about 104 tokens; m accepts 100: shorten it or choose a model with a larger window"_s;
    QTest::newRow("the system message with it")
        << u"S:300 A H:10"_s << qint64(80) << 0 << u"about 86 tokens"_s;
}

// The same answer from the messages and from their sizes alone (what the gateway measures).
void TestContextWindow::tooLong()
{
    QFETCH(QString, spec);
    QFETCH(qint64, maxInput);
    QFETCH(int, maxOutput);
    QFETCH(QString, expected);
    const QList<ChatMessage> messages = transcript(spec);
    QList<ContextWindow::MessageSize> sizes;
    for (const ChatMessage &m : messages)
        sizes.append({m.speaker, m.text.size()});
    const QString fromMessages = ContextWindow::tooLong(messages, u"m"_s, maxInput, maxOutput);
    QCOMPARE(ContextWindow::tooLong(sizes, u"m"_s, maxInput, maxOutput), fromMessages);
    if (expected.isEmpty())
        QCOMPARE(fromMessages, QString());
    else
        QVERIFY2(fromMessages.startsWith(expected), qPrintable(fromMessages));
}

QTEST_GUILESS_MAIN(TestContextWindow)
#include "tst_contextwindow.moc"
