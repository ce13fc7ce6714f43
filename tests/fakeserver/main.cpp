// SPDX-License-Identifier: Apache-2.0
// fake-sourcegraph: the test server as a program, for scripts and manual runs.
#include "fakesourcegraph.h"
#include "truncatedreply.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using cody::test::FakeSourcegraph;

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    // Only async-signal-safe work here; the event loop picks the byte up and quits.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

bool quitOnTerminationSignals(QCoreApplication &app)
{
    if (::pipe(signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0
        && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "fake-sourcegraph: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fake-sourcegraph"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A scriptable fake Sourcegraph server for tests."_s);
    parser.addHelpOption();
    const QCommandLineOption host(
        u"host"_s, u"Address to listen on."_s, u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(
        u"port"_s, u"Port to listen on (0 = any free port)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption tls(
        u"tls"_s, u"Serve HTTPS with this PEM certificate; KEY follows."_s, u"cert"_s);
    const QCommandLineOption token(
        u"token"_s, u"Required access token (empty = any)."_s, u"token"_s);
    const QCommandLineOption scenario(
        u"scenario"_s, u"Scenario for models not named fake::…"_s, u"name"_s, u"normal"_s);
    const QCommandLineOption maxApiVersion(
        u"max-api-version"_s, u"Highest accepted stream api-version."_s, u"n"_s, u"8"_s);
    const QCommandLineOption advertisedApiVersion(u"advertised-api-version"_s,
        u"Version in /.api/client-config, or none for 404."_s, u"n|none"_s, u"8"_s);
    const QCommandLineOption prefix(u"prefix"_s, u"Path prefix of every endpoint."_s, u"path"_s);
    const QCommandLineOption recordings(
        u"recordings"_s, u"Directory of recordings for replay-NN."_s, u"dir"_s);
    const QCommandLineOption catalog(u"catalog"_s,
        u"supported-models.json: recorded (as both recorded servers) or stable-sonnet."_s,
        u"name"_s, u"recorded"_s);
    const QCommandLineOption trickleInterval(u"trickle-interval-ms"_s,
        u"Milliseconds between the bytes of the trickle and drip scenarios."_s, u"ms"_s, u"20"_s);
    const QCommandLineOption usage(
        u"usage"_s, u"Send token usage with every final event (no recorded server does)."_s);
    // Clients in other languages (tests/cli/gateway) compare a continued reply with this.
    const QCommandLineOption printTruncated(u"print-truncated-text"_s,
        u"Print the whole reply the truncated scenarios deliver in pieces, and exit."_s);
    const QCommandLineOption productVersion(u"product-version"_s,
        u"GraphQL site.productVersion; it also decides which getCodyContext arguments exist."_s,
        u"version"_s, FakeSourcegraph::Options().productVersion);
    const QCommandLineOption corpus(u"corpus"_s,
        u"Directory of the repositories served (repositories.json and their files)."_s, u"dir"_s);
    const QCommandLineOption contextFilters(u"context-filters"_s,
        u"ContextFilters answer: null, unsupported, error, empty, malformed, or the raw JSON."_s,
        u"answer"_s, u"null"_s);
    parser.addOptions({host, port, tls, token, scenario, maxApiVersion, advertisedApiVersion,
        prefix, recordings, catalog, usage, trickleInterval, printTruncated, productVersion, corpus,
        contextFilters});
    parser.addPositionalArgument(u"key"_s, u"With --tls: the PEM private key."_s, u"[KEY]"_s);
    parser.process(app);
    if (parser.isSet(printTruncated)) {
        std::fputs(cody::test::TruncatedReply::text().toUtf8().constData(), stdout);
        return 0;
    }

    FakeSourcegraph::Options options;
    if (parser.isSet(token))
        options.token = parser.value(token).toUtf8();
    options.defaultScenario = parser.value(scenario);
    options.pathPrefix = parser.value(prefix);
    options.recordingsDir = parser.value(recordings);
    options.includeUsage = parser.isSet(usage);
    options.productVersion = parser.value(productVersion);
    options.corpusDir = parser.value(corpus);
    using Filters = FakeSourcegraph::Options::ContextFiltersAnswer;
    const QHash<QString, Filters> filterAnswers {{u"null"_s, Filters::Null},
        {u"unsupported"_s, Filters::Unsupported}, {u"error"_s, Filters::Error},
        {u"empty"_s, Filters::EmptyBody}, {u"malformed"_s, Filters::Malformed}};
    const QString filters = parser.value(contextFilters);
    if (filterAnswers.contains(filters)) {
        options.contextFilters = filterAnswers.value(filters);
    } else if (QJsonDocument::fromJson(filters.toUtf8()).isObject()) {
        options.contextFilters = Filters::Raw;
        options.contextFiltersRaw = filters.toUtf8();
    } else {
        return fail(u"--context-filters needs null, unsupported, error, empty, malformed or a "
                    "JSON object"_s);
    }
    if (parser.value(catalog) == u"stable-sonnet")
        options.catalog = cody::test::FakeDocuments::Catalog::StableSonnet;
    else if (parser.value(catalog) != u"recorded")
        return fail(u"--catalog needs recorded or stable-sonnet"_s);
    bool ok = false;
    options.trickleIntervalMs = parser.value(trickleInterval).toInt(&ok);
    if (!ok || options.trickleIntervalMs < 0)
        return fail(u"--trickle-interval-ms needs a number of milliseconds"_s);
    options.maxApiVersion = parser.value(maxApiVersion).toInt(&ok);
    if (!ok)
        return fail(u"--max-api-version needs an integer"_s);
    if (parser.value(advertisedApiVersion) == u"none") {
        options.advertisedApiVersion.reset();
    } else {
        options.advertisedApiVersion = parser.value(advertisedApiVersion).toInt(&ok);
        if (!ok)
            return fail(u"--advertised-api-version needs an integer or none"_s);
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(tls)) {
        if (positional.size() != 1)
            return fail(u"--tls needs a certificate and a key: --tls CERT KEY"_s);
        options.tlsCertFile = parser.value(tls);
        options.tlsKeyFile = positional.first();
    } else if (!positional.isEmpty()) {
        return fail(u"unexpected argument %1"_s.arg(positional.first()));
    }
    const quint16 listenPort = parser.value(port).toUShort(&ok);
    if (!ok)
        return fail(u"--port needs a number from 0 to 65535"_s);
    const QString hostName = parser.value(host);
    const QHostAddress address
        = hostName == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(hostName);
    if (address.isNull())
        return fail(u"--host needs an IP address"_s);

    FakeSourcegraph server(options);
    if (!server.listen(address, listenPort))
        return fail(server.errorString());
    if (!quitOnTerminationSignals(app))
        return fail(u"cannot install signal handlers"_s);
    // Scripts wait for this exact line, so it is flushed at once.
    QTextStream(stdout) << "listening on " << server.baseUrl().toString() << Qt::endl;
    return app.exec();
}
