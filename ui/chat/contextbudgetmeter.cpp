// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextbudgetmeter.h"

#include "ui/common/accessible.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

using namespace Qt::StringLiterals;

namespace cody {

ContextBudgetMeter::ContextBudgetMeter(QWidget *parent)
    : QWidget(parent)
    , m_bar(accessible(new QProgressBar(this), u"contextBudget"_s, tr("Context budget"),
          tr("How much of the model's input the next message uses")))
    , m_label(new QLabel(this))
{
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(8);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    hide();
}

void ContextBudgetMeter::setMeasure(qint64 used, qint64 budget, int leftOut, int omittedMessages)
{
    if (budget <= 0) {
        hide();
        return;
    }
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(qBound(qint64(0), used * 1000 / budget, qint64(1000))));
    m_warns = leftOut > 0 || used > budget;
    m_text = tr("About %L1 of %L2 tokens").arg(used).arg(budget);
    if (used > budget)
        m_text += tr(" · too long for this model");
    // Spelled out per form rather than "%n item(s)", which reads badly without a translation.
    if (leftOut == 1)
        m_text += tr(" · 1 context item would be left out");
    else if (leftOut > 1)
        m_text += tr(" · %L1 context items would be left out").arg(leftOut);
    if (omittedMessages > 0)
        m_text += tr(" · %L1 earlier messages not sent").arg(omittedMessages);
    m_bar->setAccessibleDescription(m_text);
    // The warning is in the words, not only in the colour.
    m_label->setText(m_warns ? u"⚠ "_s + m_text : m_text);
    QFont font = m_label->font();
    font.setBold(m_warns);
    m_label->setFont(font);
    QPalette palette; // empty: everything from the window's palette
    if (m_warns)
        palette.setColor(QPalette::Highlight, QColor(0xd9, 0x53, 0x4f));
    m_bar->setPalette(palette);
    show();
}

QString ContextBudgetMeter::text() const
{
    return m_text;
}

} // namespace cody
