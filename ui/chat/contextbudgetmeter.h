// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cody {

/**
 * @brief How much of the model's input the next message will use, context included, and a
 * warning before anything would be left out — shown while the user types, from
 * PromptBuilder::measure().
 */
class ContextBudgetMeter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextBudgetMeter)

public:
    explicit ContextBudgetMeter(QWidget *parent = nullptr);

    /// `used` of `budget` tokens; `leftOut` items and `omittedMessages` older messages would not
    /// be sent. A budget of 0 hides the meter.
    void setMeasure(qint64 used, qint64 budget, int leftOut, int omittedMessages);

    /// What the meter says, without the warning sign.
    QString text() const;
    bool warns() const { return m_warns; }

private:
    QProgressBar *m_bar;
    QLabel *m_label;
    QString m_text;
    bool m_warns = false;
};

} // namespace cody
