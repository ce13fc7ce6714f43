// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/messageeditbar.h"

#include "ui/common/accessible.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cody {

MessageEditBar::MessageEditBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_cancel(accessible(new QPushButton(tr("Cancel Edit"), this), u"cancelEdit"_s,
          tr("Cancel editing the message"),
          tr("Stops editing the earlier message and empties the message box")))
{
    setObjectName(u"messageEditBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label->setWordWrap(true);
    m_label->setAccessibleName(tr("Editing a message"));
    connect(m_cancel, &QPushButton::clicked, this, &MessageEditBar::cancelled);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_cancel);
    hide();
}

void MessageEditBar::begin(int row, int laterMessages)
{
    m_row = row;
    // Spelled out rather than %n: without a translation loaded, %n shows "message(s)".
    if (laterMessages > 1)
        m_label->setText(
            tr("Editing an earlier message. Sending it replaces the %1 messages after it.")
                .arg(laterMessages));
    else if (laterMessages == 1)
        m_label->setText(tr("Editing your last message. Sending it replaces the reply to it."));
    else
        m_label->setText(tr("Editing your last message. Sending it asks again."));
    show();
}

void MessageEditBar::end()
{
    m_row = -1;
    hide();
}

} // namespace cody
