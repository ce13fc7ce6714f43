// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/modelref.h"

#include <QComboBox>

namespace cody {

class ModelCatalog;
class ModelListModel;

/**
 * @brief The model dropdown: a QComboBox over ModelListModel that also accepts a typed
 * `cody/…` name or modelRef, checked with the core's parser before it is taken.
 */
class ModelPicker final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelPicker)

public:
    explicit ModelPicker(QWidget *parent = nullptr);

    void setCatalog(const ModelCatalog *catalog);
    /// Selects `name` (an alias or a full name) without announcing it.
    void setCurrentName(const QString &name);
    QString currentName() const { return m_current; }

    /// Opens the list as wide as its longest row (up to the screen), so nothing is cut.
    void showPopup() override;

Q_SIGNALS:
    void modelChosen(const QString &name, const cody::ModelRef &ref);
    void rejected(const QString &message);

private:
    void choose(const QString &text);
    void showCurrent();

    const ModelCatalog *m_catalog = nullptr;
    ModelListModel *m_model;
    QString m_current;
};

} // namespace cody
