// SPDX-License-Identifier: Apache-2.0
#include "commands/resolvecommand.h"

#include "clicontext.h"
#include "exitcode.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace cody::cli {

int runResolveCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Print the full cody/… name of a model alias or reference."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(
        u"NAME"_s, u"An alias, cody/<provider>::<apiVersion>::<model>, or a bare modelRef."_s);
    if (const auto code = CliContext::parseArguments(parser, u"resolve"_s, arguments))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        CliContext::writeError(u"resolve takes exactly one NAME"_s);
        return UsageError;
    }
    context.reportConfiguration();
    QString error;
    const auto ref = context.catalog().resolve(parser.positionalArguments().constFirst(), &error);
    if (!ref) {
        CliContext::writeError(error);
        return UsageError;
    }
    CliContext::writeOut(QString(ref->fullName() + u'\n'));
    return Success;
}

} // namespace cody::cli
