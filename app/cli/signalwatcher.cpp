// SPDX-License-Identifier: Apache-2.0
#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace cody::cli {

namespace {
int g_fds[2] = {-1, -1};

void onSignal(int number)
{
    // Only async-signal-safe work here: hand the number to the event loop, and let a second
    // signal end the program at once should the cancellation hang.
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(g_fds[0], &byte, 1);
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    ::sigaction(number, &fallback, nullptr);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_fds[1], &byte, 1) == 1)
            Q_EMIT interrupted(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : {SIGINT, SIGTERM}) {
        // A signal ignored on entry (nohup, a background job) stays ignored, as Unix tools do.
        struct sigaction previous = {};
        ::sigaction(number, nullptr, &previous);
        if (previous.sa_handler != SIG_IGN)
            ::sigaction(number, &action, nullptr);
    }
}

SignalWatcher::~SignalWatcher()
{
    for (const int number : {SIGINT, SIGTERM}) {
        struct sigaction current = {};
        ::sigaction(number, nullptr, &current);
        if (current.sa_handler == onSignal)
            std::signal(number, SIG_DFL);
    }
    if (g_fds[0] >= 0) {
        ::close(g_fds[0]);
        ::close(g_fds[1]);
        g_fds[0] = g_fds[1] = -1;
    }
}

} // namespace cody::cli
