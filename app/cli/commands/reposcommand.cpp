// SPDX-License-Identifier: Apache-2.0
#include "commands/reposcommand.h"

#include "clicontext.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfiltersrequest.h"
#include "context/repositorylist.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::cli {

ReposCommand::ReposCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ReposCommand::~ReposCommand() = default;

std::optional<int> ReposCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the repositories of the Sourcegraph instance whose names match QUERY, and whether "
        u"the context filters exclude them."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"QUERY"_s, u"Part of a repository's name (all when omitted)."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption limit(u"limit"_s,
        u"List at most N repositories (default %1)."_s.arg(DefaultLimit), u"N"_s,
        QString::number(DefaultLimit));
    parser.addOptions({json, limit});
    if (const auto code = CliContext::parseArguments(parser, u"repos"_s, arguments))
        return code;
    if (parser.positionalArguments().size() > 1) {
        CliContext::writeError(u"repos takes one QUERY at most"_s);
        return UsageError;
    }
    bool ok = false;
    const int most = parser.value(limit).toInt(&ok);
    if (!ok || most < 1) {
        CliContext::writeError(
            u"--limit wants a number of 1 or more, not \"%1\""_s.arg(parser.value(limit)));
        return UsageError;
    }
    m_json = parser.isSet(json);
    m_client = m_context.configuredClient();
    if (!m_client)
        return UsageError;
    m_list = new RepositoryList(m_client.get(), parser.positionalArguments().value(0), this);
    m_list->setLimit(most);
    m_filters = new ContextFiltersRequest(m_client.get(), this);
    connect(m_list, &RepositoryList::finished, this, &ReposCommand::finishWhenBothDone);
    connect(m_filters, &ContextFiltersRequest::finished, this, &ReposCommand::finishWhenBothDone);
    m_list->start();
    m_filters->start();
    return std::nullopt;
}

void ReposCommand::cancel()
{
    if (m_list)
        m_list->cancel();
    if (m_filters)
        m_filters->cancel();
}

void ReposCommand::finishWhenBothDone()
{
    if (!m_list->isFinished() || !m_filters->isFinished())
        return;
    if (m_list->error().isError()) {
        CliContext::writeError(
            u"could not list the repositories: %1"_s.arg(m_list->error().message));
        Q_EMIT done(exitCodeFor(m_list->error().kind));
        return;
    }
    Q_EMIT done(print());
}

int ReposCommand::print() const
{
    // Filters that could not be read exclude everything (context.md §6), and say why.
    const ContextFilters &filters = m_filters->filters();
    QJsonArray entries;
    QString text;
    for (const RemoteRepository &repository : m_list->repositories()) {
        QString why;
        const bool allowed = filters.isRepositoryAllowed(repository.name, &why);
        if (m_json) {
            QJsonObject entry {
                {u"name"_s, repository.name}, {u"id"_s, repository.id}, {u"excluded"_s, !allowed}};
            if (!allowed)
                entry.insert(u"reason"_s, why);
            entries.append(entry);
        } else {
            text += allowed ? repository.name + u'\n'
                            : u"%1  (excluded: %2)\n"_s.arg(repository.name, why);
        }
    }
    if (m_json) {
        CliContext::writeOut(QString::fromUtf8(QJsonDocument(
            QJsonObject {{u"repositories"_s, entries}, {u"truncated"_s, m_list->isTruncated()}})
                                                   .toJson(QJsonDocument::Indented)));
        return Success;
    }
    if (m_list->repositories().isEmpty())
        text = u"No repository matches.\n"_s;
    CliContext::writeOut(text);
    if (m_list->isTruncated())
        CliContext::writeWarning(u"more repositories match; --limit N lists more"_s);
    return Success;
}

} // namespace cody::cli
