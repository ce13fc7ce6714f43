// SPDX-License-Identifier: Apache-2.0
#include "commands/modelscommand.h"

#include "clicontext.h"
#include "cody/apicall.h"
#include "cody/sourcegraphclient.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::cli {

ModelsCommand::ModelsCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ModelsCommand::~ModelsCommand() = default;

std::optional<int> ModelsCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the model aliases and the chat models the Sourcegraph instance offers."_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    parser.addOption(json);
    if (const auto code = CliContext::parseArguments(parser, u"models"_s, arguments))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        CliContext::writeError(u"models takes no arguments"_s);
        return UsageError;
    }
    m_json = parser.isSet(json);
    const bool configured = m_context.reportConfiguration();
    QString error;
    if (configured)
        m_client = m_context.createClient(&error);
    if (!m_client) {
        // The aliases are known offline; the server part is what failed.
        return print({ErrorKind::Config, configured ? error : u"invalid configuration"_s});
    }
    m_call = m_client->getSupportedModels();
    connect(m_call, &ApiCall::finished, this, &ModelsCommand::onLoaded);
    return std::nullopt;
}

void ModelsCommand::cancel()
{
    if (m_call)
        m_call->cancel();
}

void ModelsCommand::onLoaded()
{
    m_call->deleteLater();
    Q_EMIT done(print(m_context.loadServerModels(*m_call)));
}

int ModelsCommand::print(const Error &serverError)
{
    if (m_json)
        printJson(serverError);
    else
        printText(serverError);
    if (serverError.isError()) {
        CliContext::writeError(
            u"could not list the server's models: %1"_s.arg(serverError.message));
        return exitCodeFor(serverError.kind);
    }
    return Success;
}

void ModelsCommand::printText(const Error &serverError) const
{
    const ModelCatalog &catalog = m_context.catalog();
    const auto &aliases = catalog.aliases().aliases();
    qsizetype aliasWidth = 0;
    for (const auto &alias : aliases)
        aliasWidth = std::max(aliasWidth, alias.name.size());
    QString out = u"Aliases:\n"_s;
    for (const auto &alias : aliases) {
        QString marks;
        if (!alias.builtIn)
            marks += u" (user)"_s;
        if (catalog.hasServerModels()) {
            const ModelInfo *info = catalog.find(alias.target);
            if (!info || !info->isUsableForChat())
                marks += u" (not offered by the server)"_s;
            else if (info->isDeprecated())
                marks += u" (deprecated)"_s;
        }
        out += u"  %1  ->  %2%3\n"_s.arg(
            alias.name.leftJustified(aliasWidth), alias.target.fullName(), marks);
    }
    if (!serverError.isError()) {
        const QList<ModelInfo> models = catalog.chatModels();
        qsizetype nameWidth = 0;
        qsizetype displayWidth = 0;
        for (const auto &model : models) {
            nameWidth = std::max(nameWidth, model.ref.fullName().size());
            displayWidth = std::max(displayWidth, model.displayName.size());
        }
        out += u"\nServer chat models (context window, max output tokens, status):\n"_s;
        for (const auto &model : models) {
            out += u"  %1  %2  %3  %4  %5\n"_s.arg(model.ref.fullName().leftJustified(nameWidth),
                model.displayName.leftJustified(displayWidth),
                QString::number(model.maxInputTokens).rightJustified(7),
                QString::number(model.maxOutputTokens).rightJustified(6), model.status);
        }
    }
    CliContext::writeOut(out);
}

void ModelsCommand::printJson(const Error &serverError) const
{
    const ModelCatalog &catalog = m_context.catalog();
    QJsonArray aliases;
    for (const auto &alias : catalog.aliases().aliases()) {
        QJsonObject entry {{u"name"_s, alias.name}, {u"target"_s, alias.target.fullName()},
            {u"builtIn"_s, alias.builtIn}};
        if (catalog.hasServerModels()) {
            const ModelInfo *info = catalog.find(alias.target);
            entry.insert(u"available"_s, info && info->isUsableForChat());
            entry.insert(u"status"_s, info ? info->status : QString());
        }
        aliases.append(entry);
    }
    QJsonArray models;
    for (const auto &model : catalog.chatModels()) {
        models.append(QJsonObject {
            {u"name"_s, model.ref.fullName()},
            {u"displayName"_s, model.displayName},
            {u"provider"_s, model.providerName},
            {u"contextWindow"_s, model.maxInputTokens},
            {u"maxOutputTokens"_s, model.maxOutputTokens},
            {u"status"_s, model.status},
            {u"capabilities"_s, QJsonArray::fromStringList(model.capabilities)},
        });
    }
    QJsonObject object {{u"aliases"_s, aliases}, {u"models"_s, models}};
    if (serverError.isError())
        object.insert(u"serverError"_s, serverError.message);
    CliContext::writeOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

} // namespace cody::cli
