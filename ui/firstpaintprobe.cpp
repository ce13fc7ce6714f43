// SPDX-License-Identifier: Apache-2.0
#include "ui/firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace cody {

FirstPaintProbe::FirstPaintProbe(QWidget *window, QElapsedTimer started)
    : QObject(window)
    , m_started(started)
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_done) {
        m_done = true;
        // After this paint has finished: the window is on screen then.
        QTimer::singleShot(0, this, [this] {
            std::fprintf(stderr, "first-paint-ms %lld\n", m_started.elapsed());
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cody
