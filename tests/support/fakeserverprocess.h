// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace cody::test {

/**
 * @brief The fake Sourcegraph as a program of its own, for tests whose server must keep time.
 *
 * An in-process FakeSourcegraph sends its bytes from the test's event loop, so a test busy
 * elsewhere (or starved on a loaded machine) delays them and a timing test fails for the wrong
 * reason. In its own process the server keeps its schedule whatever the test is doing.
 */
class FakeServerProcess
{
public:
    FakeServerProcess() = default;
    ~FakeServerProcess();
    Q_DISABLE_COPY_MOVE(FakeServerProcess)

    // Starts fake-sourcegraph with these options (besides --port 0 and --token) and waits for
    // its "listening on" line; false, with error() set, when it does not come.
    bool start(const QStringList &arguments = {});
    QUrl baseUrl() const { return m_baseUrl; }
    QByteArray token() const;
    QString error() const { return m_error; }

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace cody::test
