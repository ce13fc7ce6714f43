// SPDX-License-Identifier: Apache-2.0
#include "commands/historycommand.h"

#include "clicontext.h"
#include "exitcode.h"
#include "history/conversationexport.h"
#include "history/conversationschema.h"
#include "history/conversationstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

QJsonObject toJson(const StoredConversation &conversation)
{
    return {{u"id"_s, conversation.id}, {u"title"_s, conversation.title},
        {u"model"_s, conversation.model},
        {u"updated"_s, conversation.updated.toString(Qt::ISODate)},
        {u"pinned"_s, conversation.pinned}};
}

int list(ConversationStore &store, int limit, bool json)
{
    const auto conversations = store.conversations(0, limit);
    if (json) {
        QJsonArray array;
        for (const auto &conversation : conversations)
            array.append(toJson(conversation));
        CliContext::writeOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return Success;
    }
    QString out;
    for (const auto &conversation : conversations) {
        out += u"%1  %2  %3%4\n"_s.arg(QString::number(conversation.id).rightJustified(5),
            conversation.updated.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
            conversation.pinned ? u"* "_s : QString(), conversation.title);
    }
    CliContext::writeOut(out);
    return Success;
}

int show(ConversationStore &store, qint64 id, bool json)
{
    const auto conversation = store.conversation(id);
    if (!conversation) {
        CliContext::writeError(u"there is no conversation %1 in the history"_s.arg(id));
        return UsageError;
    }
    if (json) {
        CliContext::writeOut(QString::fromUtf8(store.exportJson(id)));
        return Success;
    }
    QString out = u"# %1\n"_s.arg(conversation->title);
    for (const auto &message : store.messages(id)) {
        const bool human = message.speaker == ChatMessage::Speaker::Human;
        out += human ? u"\n## You\n\n"_s : u"\n## Cody (%1)\n\n"_s.arg(message.model);
        out += message.text + u'\n';
        if (message.state != StoredMessage::State::Complete)
            out += u"\n[%1%2]\n"_s.arg(conversationschema::stateName(message.state),
                message.error.isEmpty() ? QString() : u": "_s + message.error);
        // What the prompt was sent with, as the Markdown export lists it.
        out += conversationexport::contextToMarkdown(message);
    }
    CliContext::writeOut(out);
    return Success;
}

int search(ConversationStore &store, const QString &query, int limit, bool json)
{
    QString error;
    const auto hits = store.search(query, limit, &error);
    if (!error.isEmpty()) {
        CliContext::writeError(error);
        return StorageFailure;
    }
    if (json) {
        QJsonArray array;
        for (const auto &hit : hits) {
            array.append(
                QJsonObject {{u"conversation"_s, hit.conversationId}, {u"message"_s, hit.messageId},
                    {u"title"_s, hit.title}, {u"snippet"_s, hit.snippet}});
        }
        CliContext::writeOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return Success;
    }
    QString out;
    for (const auto &hit : hits)
        out += u"%1  %2\n       %3\n"_s.arg(QString::number(hit.conversationId).rightJustified(5),
            hit.title,
            QString(hit.snippet)
                .replace(u"[["_s, u"\u00bb"_s)
                .replace(u"]]"_s, u"\u00ab"_s)
                .simplified());
    CliContext::writeOut(out);
    return Success;
}

// All or nothing, with the checks of the app's History > Import: the file is read whole (up to
// the size no real export reaches) and parsed before anything is written.
int import(ConversationStore &store, const QString &path)
{
    QByteArray json;
    QString error;
    if (path == "-"_L1) {
        json = CliContext::readStandardInput();
    } else if (!conversationexport::readFile(path, &json, &error)) {
        CliContext::writeError(u"nothing was imported: %1"_s.arg(error));
        return UsageError;
    }
    QList<conversationexport::ExportedConversation> conversations;
    if (!conversationexport::fromJson(json, &conversations, &error)) {
        CliContext::writeError(u"nothing was imported: %1"_s.arg(error));
        return UsageError;
    }
    QList<qint64> ids;
    if (!store.importConversations(conversations, &ids, &error)) {
        CliContext::writeError(u"nothing was imported: %1"_s.arg(error));
        return StorageFailure;
    }
    QStringList shown;
    for (const qint64 id : std::as_const(ids))
        shown.append(QString::number(id));
    CliContext::writeOut(ids.size() == 1
            ? u"Imported 1 conversation: %1\n"_s.arg(shown.constFirst())
            : u"Imported %1 conversations: %2\n"_s.arg(ids.size()).arg(shown.join(u", "_s)));
    return Success;
}

} // namespace

int runHistoryCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Conversations recorded by Cody Chat and cody-chat-cli.\n\n"
        "  history list [--limit N] [--json]\n"
        "  history show ID [--json]   (with each prompt's context; --json adds contents)\n"
        "  history search QUERY [--json]\n"
        "  history export ID --format md|json\n"
        "  history import FILE   (a JSON export; - reads standard input)\n"
        "  history delete ID"_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption limit(
        u"limit"_s, u"At most N conversations (default 20)."_s, u"N"_s, u"20"_s);
    const QCommandLineOption format(
        u"format"_s, u"Export format: md or json."_s, u"FORMAT"_s, u"md"_s);
    parser.addOptions({json, limit, format});
    parser.addPositionalArgument(u"ACTION"_s, u"list, show, search, export, import or delete."_s);
    if (const auto code = CliContext::parseArguments(parser, u"history"_s, arguments))
        return *code;
    QStringList words = parser.positionalArguments();
    const QString action = words.isEmpty() ? QString() : words.takeFirst();

    ConversationStore *store = context.historyStore();
    if (!store)
        return UsageError; // historyStore() said why

    bool ok = true;
    const int count = parser.value(limit).toInt(&ok);
    if (!ok || count < 1) {
        CliContext::writeError(u"--limit takes a whole number of at least 1"_s);
        return UsageError;
    }
    if (action == "list"_L1 && words.isEmpty())
        return list(*store, count, parser.isSet(json));
    if (action == "search"_L1 && !words.isEmpty())
        return search(*store, words.join(u' '), count, parser.isSet(json));
    if (action == "import"_L1) {
        if (words.size() != 1) {
            CliContext::writeError(u"history import: expected one FILE (a JSON export, or -)"_s);
            return UsageError;
        }
        return import(*store, words.constFirst());
    }
    const qint64 id = words.size() == 1 ? words.constFirst().toLongLong(&ok) : 0;
    if (id <= 0 || !ok) {
        CliContext::writeError(action.isEmpty()
                ? u"history needs an action: list, show, search, export, import or delete"_s
                : u"history %1: expected one conversation ID"_s.arg(action));
        return UsageError;
    }
    if (action == "show"_L1)
        return show(*store, id, parser.isSet(json));
    if (action == "export"_L1) {
        const QString kind = parser.value(format);
        if (kind != "md"_L1 && kind != "json"_L1) {
            CliContext::writeError(u"--format takes md or json"_s);
            return UsageError;
        }
        if (!store->conversation(id)) {
            CliContext::writeError(u"there is no conversation %1 in the history"_s.arg(id));
            return UsageError;
        }
        CliContext::writeOut(
            kind == "md"_L1 ? store->exportMarkdown(id) : QString::fromUtf8(store->exportJson(id)));
        return Success;
    }
    if (action == "delete"_L1) {
        QString error;
        if (!store->conversation(id)) {
            CliContext::writeError(u"there is no conversation %1 in the history"_s.arg(id));
            return UsageError;
        }
        if (!store->deleteConversation(id, &error)) {
            CliContext::writeError(error);
            return StorageFailure;
        }
        CliContext::writeOut(u"Deleted conversation %1.\n"_s.arg(id));
        return Success;
    }
    CliContext::writeError(u"unknown history action \"%1\""_s.arg(action));
    return UsageError;
}

} // namespace cody::cli
