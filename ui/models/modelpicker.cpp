// SPDX-License-Identifier: Apache-2.0
#include "ui/models/modelpicker.h"

#include "cody/modelcatalog.h"
#include "ui/models/modellistmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScreen>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace cody {

ModelPicker::ModelPicker(QWidget *parent)
    : QComboBox(parent)
    , m_model(new ModelListModel(this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(m_model);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(28);
    setObjectName(u"modelPicker"_s);
    setAccessibleName(tr("Model"));
    setAccessibleDescription(tr("Chooses the model that answers; pick one or type a cody/… name"));
    setToolTip(tr("Model (Ctrl+M): pick one, or type cody/<provider>::<apiVersion>::<model>"));
    lineEdit()->setPlaceholderText(tr("cody/provider::apiVersion::model"));
    connect(this, &QComboBox::activated, this,
        [this](int row) { choose(m_model->index(row).data(ModelListModel::NameRole).toString()); });
    // A typed name counts when confirmed with Enter; leaving the field half-typed just restores
    // the current choice instead of complaining about an unfinished name.
    connect(lineEdit(), &QLineEdit::returnPressed, this, [this] {
        // The first word: a picked row's text is "alias  →  description".
        const QString text = currentText().trimmed().section(u' ', 0, 0);
        if (!text.isEmpty() && text != m_current)
            choose(text);
    });
    connect(lineEdit(), &QLineEdit::editingFinished, this, &ModelPicker::showCurrent);
    // Completing inline would rewrite a typed cody/… name into a row's description.
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

void ModelPicker::showPopup()
{
    // QComboBox opens the list at its own width and elides longer rows in the middle ("GPT-4
    // …lable on this server)").
    QAbstractItemView *list = view();
    int widest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        widest = qMax(widest, list->sizeHintForIndex(m_model->index(row, 0)).width());
    const int frame = 2 * list->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent)
        + 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
    const QRect screen
        = (this->screen() ? this->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    list->setMinimumWidth(qMin(widest + frame, screen.width()));
    list->setTextElideMode(Qt::ElideRight);
    QComboBox::showPopup();
}

void ModelPicker::setCatalog(const ModelCatalog *catalog)
{
    m_catalog = catalog;
    m_model->setCatalog(*catalog);
    showCurrent();
}

void ModelPicker::setCurrentName(const QString &name)
{
    m_current = name;
    showCurrent();
}

void ModelPicker::showCurrent()
{
    const QSignalBlocker blocker(this);
    setCurrentIndex(m_model->rowFor(m_current));
    setEditText(m_current);
}

void ModelPicker::choose(const QString &text)
{
    QString error;
    const auto ref = m_catalog ? m_catalog->resolve(text, &error) : ModelRef::parse(text, &error);
    // An alias the server does not offer would only fail at send time: refuse it here. A
    // deprecated one is the user's call (MainWindow warns).
    const int row = m_model->rowFor(text);
    if (ref && row >= 0 && !m_model->index(row).data(ModelListModel::AvailableRole).toBool())
        error = tr("%1 is not offered by this Sourcegraph instance").arg(text);
    if (!ref || !error.isEmpty()) {
        showCurrent();
        Q_EMIT rejected(error);
        return;
    }
    m_current = text;
    showCurrent();
    Q_EMIT modelChosen(text, *ref);
}

} // namespace cody
