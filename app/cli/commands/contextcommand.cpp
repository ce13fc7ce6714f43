// SPDX-License-Identifier: Apache-2.0
#include "commands/contextcommand.h"

#include "clicontext.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfiltersrequest.h"
#include "context/contextretrieval.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::cli {

ContextCommand::ContextCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ContextCommand::~ContextCommand() = default;

std::optional<int> ContextCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the codebase context a chat would retrieve for QUERY "
                                     u"from the given repositories, without asking a model."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"QUERY"_s, u"The question."_s, u"QUERY…"_s);
    const QCommandLineOption repo(u"repo"_s,
        u"Retrieve from this repository of the instance (repeatable; see 'repos')."_s, u"NAME"_s);
    const QCommandLineOption noRewrite(
        u"no-rewrite"_s, u"Search with the question as it is, not rewritten into keywords."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    parser.addOptions({repo, noRewrite, json});
    if (const auto code = CliContext::parseArguments(parser, u"context"_s, arguments))
        return code;
    m_question = parser.positionalArguments().join(u' ').trimmed();
    if (m_question.isEmpty() || parser.values(repo).isEmpty()) {
        CliContext::writeError(u"context wants a QUERY and at least one --repo NAME"_s);
        return UsageError;
    }
    for (const QString &name : parser.values(repo)) {
        ContextItem mention;
        mention.kind = ContextItem::Kind::Repository;
        mention.repoName = name.trimmed();
        m_mentions.append(mention);
    }
    m_json = parser.isSet(json);
    m_rewrite = m_context.config().contextRewrite && !parser.isSet(noRewrite);
    m_client = m_context.configuredClient();
    if (!m_client)
        return UsageError;
    m_filters = new ContextFiltersRequest(m_client.get(), this);
    connect(m_filters, &ContextFiltersRequest::finished, this, &ContextCommand::onFilters);
    m_filters->start();
    return std::nullopt;
}

void ContextCommand::cancel()
{
    if (m_filters)
        m_filters->cancel();
    if (m_retrieval)
        m_retrieval->cancel();
}

void ContextCommand::onFilters()
{
    if (m_filters->error().kind == ErrorKind::Cancelled) {
        Q_EMIT done(Interrupted);
        return;
    }
    // Filters that could not be read exclude everything (their reason says so), as in a chat.
    m_retrieval
        = new ContextRetrieval(m_client.get(), m_filters->filters(), m_mentions, m_question, this);
    m_retrieval->setRewriteQuery(m_rewrite);
    connect(m_retrieval, &ContextRetrieval::finished, this, &ContextCommand::onRetrieved);
    m_retrieval->start();
}

void ContextCommand::onRetrieved()
{
    // A repository that does not exist or may not be used is the user's mistake: say which, and
    // print nothing else.
    for (const ContextItem &mention : m_retrieval->mentions()) {
        if (!mention.omittedReason.isEmpty()) {
            CliContext::writeError(u"--repo %1: %2"_s.arg(mention.repoName, mention.omittedReason));
            Q_EMIT done(UsageError);
            return;
        }
    }
    if (m_retrieval->error().isError()) {
        CliContext::writeError(
            u"could not retrieve context: %1"_s.arg(m_retrieval->error().message));
        Q_EMIT done(exitCodeFor(m_retrieval->error().kind));
        return;
    }
    print();
    Q_EMIT done(Success);
}

void ContextCommand::print() const
{
    const QList<ContextItem> &items = m_retrieval->items();
    if (m_json) {
        QJsonArray array;
        for (const ContextItem &item : items)
            array.append(item.toJson());
        QJsonObject out {{u"query"_s, m_retrieval->query()}, {u"items"_s, array}};
        if (!m_retrieval->rewriteFallbackReason().isEmpty())
            out.insert(u"rewriteFallback"_s, m_retrieval->rewriteFallbackReason());
        CliContext::writeOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        return;
    }
    if (!m_retrieval->rewriteFallbackReason().isEmpty())
        CliContext::writeWarning(
            u"searched with the question as it is: %1"_s.arg(m_retrieval->rewriteFallbackReason()));
    QString text = u"Searched for: %1\n"_s.arg(m_retrieval->query());
    if (items.isEmpty())
        text += u"Nothing was retrieved.\n"_s;
    for (const ContextItem &item : items) {
        text += u"\n== %1/%2%3\n"_s.arg(item.repoName, item.displayName(),
            item.omittedReason.isEmpty() ? QString()
                                         : u" (left out: %1)"_s.arg(item.omittedReason));
        text += item.content;
        if (!item.content.endsWith(u'\n') && !item.content.isEmpty())
            text += u'\n';
    }
    CliContext::writeOut(text);
}

} // namespace cody::cli
