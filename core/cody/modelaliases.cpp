// SPDX-License-Identifier: Apache-2.0
#include "cody/modelaliases.h"

#include "cody/modelnamecharacters.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

const auto SettingsGroup = u"aliases"_s;

ModelAliases::Alias builtIn(const QString &name, const QString &target)
{
    // Built-ins are constants of this file: a typo must fail loudly in every test, not resolve to
    // an invalid ref.
    const std::optional<ModelRef> ref = ModelRef::parse(target);
    Q_ASSERT(ref);
    return {name, ref.value_or(ModelRef()), true};
}

bool looksLikeRef(QStringView name)
{
    return name.contains(u"::") || name.startsWith(u"cody/", Qt::CaseInsensitive);
}

bool mustEscape(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    case QChar::Separator_Space:
        return c != u' ';
    default:
        return false;
    }
}

// Error messages are single lines that users paste into bug reports: whatever was typed must stay
// visible and must not break the line.
QString quoted(QStringView text)
{
    QString out = u"\""_s;
    for (const uint c : text.toUcs4()) {
        switch (c) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        default:
            if (mustEscape(c)) {
                out += u"\\u{"_s + QString::number(c, 16).toUpper() + u'}';
            } else {
                const char32_t ch = c;
                out += QString::fromUcs4(&ch, 1);
            }
        }
    }
    return out + u'"';
}

// The same character checks ModelRef::parse makes, for names that are looked up as aliases.
QString characterProblem(QStringView name)
{
    return name.isEmpty() ? QCoreApplication::translate("cody::ModelAliases", "the name is empty")
                          : controlOrWhitespaceProblem(name);
}

bool isAliasNameChar(char32_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'-' || c == u'_' || c == u'.';
}

QString aliasNameProblem(QStringView name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("cody::ModelAliases", "the alias name is empty");
    for (const uint c : name.toUcs4()) {
        if (!isAliasNameChar(c)) {
            const char32_t ch = c;
            return QCoreApplication::translate("cody::ModelAliases",
                "the alias name contains %1, which is not allowed (use letters, digits and - _ .)")
                .arg(quoted(QString::fromUcs4(&ch, 1)));
        }
    }
    return {};
}

} // namespace

ModelAliases::ModelAliases()
    : m_aliases(builtIns())
{ }

const QList<ModelAliases::Alias> &ModelAliases::builtIns()
{
    static const QList<Alias> aliases = {
        builtIn(u"cody-opus"_s, u"anthropic::2023-06-01::claude-3-opus"_s),
        builtIn(u"cody-sonnet"_s, u"anthropic::2023-06-01::claude-3.5-sonnet"_s),
        builtIn(u"cody-haiku"_s, u"anthropic::2023-06-01::claude-3-haiku"_s),
        builtIn(u"cody-gpt4"_s, u"openai::v1::gpt-4"_s),
        builtIn(u"cody-gpt35"_s, u"openai::v1::gpt-3.5-turbo"_s),
        builtIn(u"cody-gemini"_s, u"google::v1::gemini-pro"_s),
    };
    return aliases;
}

bool ModelAliases::addUserAlias(const QString &name, const QString &target, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (QString problem = aliasNameProblem(name); !problem.isEmpty())
        return fail(problem);
    for (const Alias &alias : builtIns()) {
        if (alias.name.compare(name, Qt::CaseInsensitive) == 0)
            return fail(QCoreApplication::translate(
                "cody::ModelAliases", "it would shadow the built-in alias %1")
                            .arg(quoted(alias.name)));
    }
    if (!looksLikeRef(target)) {
        for (const Alias &alias : std::as_const(m_aliases)) {
            if (alias.name.compare(target, Qt::CaseInsensitive) == 0) {
                return fail(QCoreApplication::translate("cody::ModelAliases",
                    "its target %1 is itself an alias, and aliases cannot point at other aliases")
                                .arg(quoted(target)));
            }
        }
    }
    QString reason;
    const std::optional<ModelRef> ref = ModelRef::parse(target, &reason);
    if (!ref)
        return fail(QCoreApplication::translate("cody::ModelAliases", "invalid target %1: %2")
                        .arg(quoted(target), reason));

    for (Alias &alias : m_aliases) {
        if (!alias.builtIn && alias.name == name) {
            alias.target = *ref;
            return true;
        }
    }
    m_aliases.append({name, *ref, false});
    return true;
}

QStringList ModelAliases::loadUserAliases(QSettings &settings)
{
    QStringList warnings;
    settings.beginGroup(SettingsGroup);
    const QStringList keys = settings.childKeys();
    // A key such as "a/b" turns into a subgroup; it can never be a valid alias name.
    for (const QString &group : settings.childGroups()) {
        warnings.append(QCoreApplication::translate(
            "cody::ModelAliases", "ignoring user aliases under %1: alias names cannot contain '/'")
                            .arg(quoted(QString(group + u'/'))));
    }
    for (const QString &key : keys) {
        const QVariant value = settings.value(key);
        // QSettings turns an unquoted INI value with commas into a list; keep the text the user
        // wrote so the parse error points at it.
        const QString target = value.typeId() == QMetaType::QStringList
            ? value.toStringList().join(u", "_s)
            : value.toString();
        QString reason;
        // Another key of the same group may be added after this one, so addUserAlias() alone
        // cannot see every chain.
        if (!looksLikeRef(target) && keys.contains(target, Qt::CaseInsensitive)) {
            reason = QCoreApplication::translate("cody::ModelAliases",
                "its target %1 is itself an alias, and aliases cannot point at other aliases")
                         .arg(quoted(target));
        } else if (addUserAlias(key, target, &reason)) {
            continue;
        }
        warnings.append(
            QCoreApplication::translate("cody::ModelAliases", "ignoring user alias %1: %2")
                .arg(quoted(key), reason));
    }
    settings.endGroup();
    return warnings;
}

const ModelAliases::Alias *ModelAliases::find(QStringView name) const
{
    for (const Alias &alias : m_aliases) {
        if (alias.name == name)
            return &alias;
    }
    return nullptr;
}

std::optional<ModelRef> ModelAliases::resolve(QStringView name, QString *error) const
{
    QString reason;
    if (looksLikeRef(name)) {
        if (std::optional<ModelRef> ref = ModelRef::parse(name, &reason))
            return ref;
    } else if (const Alias *alias = find(name)) {
        return alias->target;
    } else if (reason = characterProblem(name); reason.isEmpty()) {
        const Alias *similar = nullptr;
        for (const Alias &alias : m_aliases) {
            if (alias.name.compare(name, Qt::CaseInsensitive) == 0) {
                similar = &alias;
                break;
            }
        }
        if (similar) {
            reason = QCoreApplication::translate(
                "cody::ModelAliases", "unknown model alias %1; did you mean %2?")
                         .arg(quoted(name), quoted(similar->name));
        } else if (name.contains(u':')) {
            reason = QCoreApplication::translate("cody::ModelAliases",
                "unknown model alias %1 (the parts of a model reference are separated by '::')")
                         .arg(quoted(name));
        } else {
            reason = QCoreApplication::translate("cody::ModelAliases", "unknown model alias %1")
                         .arg(quoted(name));
        }
    }
    if (error) {
        // A reason ending in a question already closes its sentence.
        *error = (reason.endsWith(u'?')
                ? QCoreApplication::translate("cody::ModelAliases",
                    "invalid model name %1: %2 Use cody/<provider>::<apiVersion>::<model>, "
                    "<provider>::<apiVersion>::<model>, or an alias: %3")
                : QCoreApplication::translate("cody::ModelAliases",
                    "invalid model name %1: %2. Use cody/<provider>::<apiVersion>::<model>, "
                    "<provider>::<apiVersion>::<model>, or an alias: %3"))
                     .arg(quoted(name), reason, aliasNames());
    }
    return std::nullopt;
}

QString ModelAliases::aliasNames() const
{
    QStringList names;
    names.reserve(m_aliases.size());
    for (const Alias &alias : m_aliases)
        names.append(alias.name);
    return names.join(u", "_s);
}

} // namespace cody
