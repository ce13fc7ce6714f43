// SPDX-License-Identifier: Apache-2.0
// A giant server-sent event is refused before it is held whole: the CLI's peak memory. Alone in
// its own program, so that the children's peak RSS the kernel reports (getrusage) is that one
// CLI's, and run serially (see CMakeLists.txt): Qt's network thread reads ahead of the parser as
// far as the CPU lets it, so a busy machine measures the load, not the client.
#include "fakesourcegraph.h"
#include "faultmatrixsupport.h"

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

long childrenPeakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

} // namespace

class TestMemoryBound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A giant event is refused before it is held whole. Holding 100 MiB whole would take
    // 100 MiB of bytes plus 200 MiB as text; refusing it peaked at 49-107 MiB here, depending on
    // how far Qt's network thread read ahead.
    void giantEventMemoryIsBounded()
    {
        if (qEnvironmentVariableIsSet("ASAN_OPTIONS"))
            QSKIP("AddressSanitizer keeps freed memory in quarantine: resident size says nothing");
        QCOMPARE(childrenPeakRssKiB(), 0);
        FakeSourcegraph::Options options;
        options.giantEventBytes = qint64(100) * 1024 * 1024;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const ChatOutcome outcome = chatOnce(cli, {u"-m"_s, u"fake::v1::giant"_s});
        QCOMPARE(outcome.run.exitCode, 5);
        QVERIFY2(outcome.message().contains(u"larger than"_s), qPrintable(outcome.message()));
        const long peak = childrenPeakRssKiB();
        qInfo("peak RSS of the CLI refusing a 100 MiB event: %ld KiB", peak);
        QVERIFY(peak > 0);
        QVERIFY2(peak < 160 * 1024, qPrintable(u"peak RSS %1 KiB"_s.arg(peak)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryBound)
#include "tst_memorybound.moc"
