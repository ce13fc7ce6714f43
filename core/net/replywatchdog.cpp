// SPDX-License-Identifier: Apache-2.0
#include "net/replywatchdog.h"

#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace cody {

ReplyWatchdog::ReplyWatchdog(QNetworkReply *reply, std::chrono::milliseconds timeout)
    : m_reply(reply)
    , m_host(reply->url().host())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeout);
    // "No data for N s" must mean at least N s: a coarse timer may fire 5 % early.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_fired = true;
        if (m_reply)
            m_reply->abort(); // the reply's finished() follows
    });
    auto restart = [this] { m_timer.start(); };
    connect(reply, &QNetworkReply::metaDataChanged, this, restart);
    connect(reply, &QNetworkReply::readyRead, this, restart);
    connect(reply, &QNetworkReply::finished, &m_timer, &QTimer::stop);
    m_timer.start();
}

QString ReplyWatchdog::message() const
{
    const auto seconds
        = std::chrono::duration_cast<std::chrono::seconds>(m_timer.intervalAsDuration()).count();
    return tr("no data from %1 for %2 s (idle timeout)").arg(m_host).arg(seconds);
}

} // namespace cody
