// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cody {

/// Above the message box while an earlier message is being edited: says what sending will do,
/// and offers to cancel.
class MessageEditBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageEditBar)

public:
    explicit MessageEditBar(QWidget *parent = nullptr);

    /// Shows the bar for the message in `row`, followed by `laterMessages` others.
    void begin(int row, int laterMessages);
    /// Hides the bar; row() is -1 again.
    void end();
    int row() const { return m_row; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelled();

private:
    QLabel *m_label;
    QPushButton *m_cancel;
    int m_row = -1;
};

} // namespace cody
