// SPDX-License-Identifier: Apache-2.0
#include "messageeditbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cody {

MessageEditBar::MessageEditBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(u"messageEditBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label->setWordWrap(true);
    m_label->setAccessibleName(tr("Editing a message"));
    auto *cancel = new QPushButton(tr("Cancel Edit"), this);
    cancel->setAccessibleName(tr("Cancel editing the message"));
    connect(cancel, &QPushButton::clicked, this, &MessageEditBar::cancelled);
    layout->addWidget(m_label, 1);
    layout->addWidget(cancel);
    hide();
}

void MessageEditBar::begin(int row, int laterMessages)
{
    m_row = row;
    m_label->setText(laterMessages > 0
            ? tr("Editing an earlier message. Sending it replaces the %n message(s) after it.",
                nullptr, laterMessages)
            : tr("Editing your last message. Sending it asks again."));
    show();
}

void MessageEditBar::end()
{
    m_row = -1;
    hide();
}

} // namespace cody
