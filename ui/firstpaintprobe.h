// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace cody {

/**
 * @brief For the startup benchmark: when `window` is first painted, prints
 * "first-paint-ms <ms since `started`>" on stderr and quits the application.
 * cody-chat installs it only when CODY_STARTUP_PROBE is set.
 */
class FirstPaintProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstPaintProbe)

public:
    FirstPaintProbe(QWidget *window, QElapsedTimer started);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_started;
    bool m_done = false;
};

} // namespace cody
