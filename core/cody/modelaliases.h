// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/modelref.h"

#include <QList>
#include <QStringList>

class QSettings;

namespace cody {

/**
 * @brief Short model names: the built-in `cody-*` aliases plus the user's own.
 *
 * User aliases come from the QSettings group `aliases` (key = alias, value = a `cody/…` or bare
 * modelRef). A user alias may not shadow a built-in one, nor point at another alias; rejected
 * entries are reported, never applied silently.
 */
class ModelAliases
{
public:
    struct Alias
    {
        QString name;
        ModelRef target;
        bool builtIn = false;
    };

    ModelAliases(); ///< the built-in aliases only

    /// cody-opus, cody-sonnet, cody-haiku, cody-gpt4, cody-gpt35, cody-gemini, in that order.
    static const QList<Alias> &builtIns();

    /// Adds one user alias. Returns false and sets *error when the name is not a valid alias name
    /// (letters, digits, '-', '_', '.'; not containing "::" or "/"), shadows a built-in, or the
    /// target does not parse.
    bool addUserAlias(const QString &name, const QString &target, QString *error = nullptr);

    /// Reads the `aliases` group and adds its entries as with addUserAlias(); returns one
    /// human-readable warning per rejected entry. Call it on a fresh ModelAliases to reload.
    QStringList loadUserAliases(QSettings &settings);

    /// Built-ins first, then user aliases in the order they were added.
    const QList<Alias> &aliases() const { return m_aliases; }
    const Alias *find(QStringView name) const;

    /**
     * Resolves an alias, a `cody/…` name or a bare modelRef. On failure returns nullopt and sets
     * *error to one line saying what is wrong with the name and listing the known aliases.
     */
    std::optional<ModelRef> resolve(QStringView name, QString *error = nullptr) const;
    /// For QStringBuilder arguments, which do not convert to QStringView.
    std::optional<ModelRef> resolve(const QString &name, QString *error = nullptr) const
    {
        return resolve(QStringView(name), error);
    }

    /// "cody-opus, cody-sonnet, …": for error messages and help texts.
    QString aliasNames() const;

private:
    QList<Alias> m_aliases;
};

} // namespace cody
