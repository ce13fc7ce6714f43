// SPDX-License-Identifier: Apache-2.0
#include "cody/modelaliases.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ModelAliases;
using cody::ModelRef;

namespace {

const auto BuiltInNames
    = u"cody-opus, cody-sonnet, cody-haiku, cody-gpt4, cody-gpt35, cody-gemini"_s;
const auto Usage
    = u"Use cody/<provider>::<apiVersion>::<model>, <provider>::<apiVersion>::<model>, "
      u"or an alias: "_s;

} // namespace

class TestModelAliases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtIns_data();
    void builtIns();
    void builtInOrder();
    void resolves_data();
    void resolves();
    void resolveErrors_data();
    void resolveErrors();
    void errorListsUserAliases();
    void addUserAlias_data();
    void addUserAlias();
    void addUserAliasReplacesEarlier();
    void loadsFromSettings();
    void emptySettings();

private:
    QTemporaryDir m_dir;
};

void TestModelAliases::builtIns_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("target");

    QTest::newRow("opus") << u"cody-opus"_s << u"anthropic::2023-06-01::claude-3-opus"_s;
    QTest::newRow("sonnet") << u"cody-sonnet"_s << u"anthropic::2023-06-01::claude-3.5-sonnet"_s;
    QTest::newRow("haiku") << u"cody-haiku"_s << u"anthropic::2023-06-01::claude-3-haiku"_s;
    QTest::newRow("gpt4") << u"cody-gpt4"_s << u"openai::v1::gpt-4"_s;
    QTest::newRow("gpt35") << u"cody-gpt35"_s << u"openai::v1::gpt-3.5-turbo"_s;
    QTest::newRow("gemini") << u"cody-gemini"_s << u"google::v1::gemini-pro"_s;
}

void TestModelAliases::builtIns()
{
    QFETCH(QString, alias);
    QFETCH(QString, target);

    const ModelAliases aliases;
    const ModelAliases::Alias *found = aliases.find(alias);
    QVERIFY(found);
    QVERIFY(found->builtIn);
    QCOMPARE(found->target.wireName(), target);

    QString error;
    const std::optional<ModelRef> ref = aliases.resolve(alias, &error);
    QVERIFY2(ref, qPrintable(error));
    QCOMPARE(ref->wireName(), target);
    QCOMPARE(ref->fullName(), u"cody/"_s + target);
}

void TestModelAliases::builtInOrder()
{
    QCOMPARE(ModelAliases::builtIns().size(), 6);
    const ModelAliases aliases;
    QCOMPARE(aliases.aliases().size(), 6);
    QCOMPARE(aliases.aliasNames(), BuiltInNames);
}

void TestModelAliases::resolves_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("wire");

    QTest::newRow("full") << u"cody/openai::2024-02-01::gpt-4o"_s
                          << u"openai::2024-02-01::gpt-4o"_s;
    QTest::newRow("bare") << u"google::v1::gemini-1.5-flash"_s << u"google::v1::gemini-1.5-flash"_s;
    QTest::newRow("alias") << u"cody-haiku"_s << u"anthropic::2023-06-01::claude-3-haiku"_s;
    // A ref that happens to contain an alias name is still a ref.
    QTest::newRow("ref named like alias")
        << u"acme::v1::cody-sonnet"_s << u"acme::v1::cody-sonnet"_s;
}

void TestModelAliases::resolves()
{
    QFETCH(QString, name);
    QFETCH(QString, wire);

    QString error;
    const std::optional<ModelRef> ref = ModelAliases().resolve(name, &error);
    QVERIFY2(ref, qPrintable(error));
    QCOMPARE(ref->wireName(), wire);
    QCOMPARE(ModelAliases().resolve(u"cody/"_s + wire), ref);
}

void TestModelAliases::resolveErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // the message up to the usage hint

    QTest::newRow("unknown alias")
        << u"cody-sonet"_s
        << u"invalid model name \"cody-sonet\": unknown model alias \"cody-sonet\". "_s;
    QTest::newRow("case suggestion")
        << u"Cody-Sonnet"_s
        << u"invalid model name \"Cody-Sonnet\": unknown model alias \"Cody-Sonnet\"; did you mean \"cody-sonnet\"? "_s;
    QTest::newRow("single colons")
        << u"openai:v1:gpt-4"_s
        << u"invalid model name \"openai:v1:gpt-4\": unknown model alias \"openai:v1:gpt-4\" (the parts of a model reference are separated by '::'). "_s;
    QTest::newRow("empty") << QString() << u"invalid model name \"\": the name is empty. "_s;
    QTest::newRow("alias with trailing space")
        << u"cody-opus "_s
        << u"invalid model name \"cody-opus \": has leading or trailing whitespace. "_s;
    QTest::newRow("alias with tab")
        << u"cody\topus"_s
        << u"invalid model name \"cody\\topus\": contains a control character (U+0009). "_s;
    QTest::newRow("ref with newline")
        << u"openai::v1::gpt-4\n"_s
        << u"invalid model name \"openai::v1::gpt-4\\n\": contains a control character (U+000A). "_s;
    QTest::newRow("ref with escape")
        << u"openai::v1::\u001bgpt"_s
        << u"invalid model name \"openai::v1::\\u{1B}gpt\": contains a control character (U+001B). "_s;
    QTest::newRow("ref with zero-width space")
        << u"openai::v1::gpt\u200b"_s
        << u"invalid model name \"openai::v1::gpt\\u{200B}\": the model part contains U+200B, which is not allowed (use letters, digits and . _ - / @ :). "_s;
    QTest::newRow("quote in name")
        << u"a\"b"_s << u"invalid model name \"a\\\"b\": unknown model alias \"a\\\"b\". "_s;
    QTest::newRow("two parts")
        << u"openai::gpt-4"_s
        << u"invalid model name \"openai::gpt-4\": expected 3 parts separated by '::', found 2. "_s;
    QTest::newRow("empty model")
        << u"cody/openai::v1::"_s
        << u"invalid model name \"cody/openai::v1::\": the model part is empty. "_s;
    QTest::newRow("cody prefix only")
        << u"cody/"_s << u"invalid model name \"cody/\": nothing follows the \"cody/\" prefix. "_s;
    QTest::newRow("capital prefix routed to parser")
        << u"CODY/openai::v1::gpt-4"_s
        << u"invalid model name \"CODY/openai::v1::gpt-4\": the prefix must be \"cody/\" in lower case. "_s;
    QTest::newRow("cody prefix on alias")
        << u"cody/cody-opus"_s
        << u"invalid model name \"cody/cody-opus\": expected 3 parts separated by '::', found 1. "_s;
}

void TestModelAliases::resolveErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QString error;
    QVERIFY(!ModelAliases().resolve(name, &error));
    QCOMPARE(error, expected + Usage + BuiltInNames);
    QVERIFY(!error.contains(u'\n'));
    QVERIFY(!error.contains(u'\t'));
}

void TestModelAliases::errorListsUserAliases()
{
    ModelAliases aliases;
    QVERIFY(aliases.addUserAlias(u"work"_s, u"cody/openai::2024-02-01::gpt-4o"_s));
    QCOMPARE(aliases.aliasNames(), BuiltInNames + u", work"_s);

    QString error;
    QVERIFY(!aliases.resolve(u"Work"_s, &error));
    QVERIFY2(error.contains(u"did you mean \"work\"?"_s), qPrintable(error));
    QVERIFY2(error.endsWith(u"or an alias: "_s + BuiltInNames + u", work"_s), qPrintable(error));

    const std::optional<ModelRef> ref = aliases.resolve(u"work"_s);
    QVERIFY(ref);
    QCOMPARE(ref->wireName(), u"openai::2024-02-01::gpt-4o"_s);
}

void TestModelAliases::addUserAlias_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("error"); // empty: accepted

    QTest::newRow("full target") << u"fast"_s << u"cody/google::v1::gemini-1.5-flash"_s
                                 << QString();
    QTest::newRow("bare target") << u"my_model.v2"_s << u"openai::2024-02-01::gpt-4o"_s
                                 << QString();
    QTest::newRow("shadows built-in") << u"cody-sonnet"_s << u"openai::v1::gpt-4"_s
                                      << u"it would shadow the built-in alias \"cody-sonnet\""_s;
    QTest::newRow("shadows built-in, other case")
        << u"CODY-Opus"_s << u"openai::v1::gpt-4"_s
        << u"it would shadow the built-in alias \"cody-opus\""_s;
    QTest::newRow("chain to built-in")
        << u"best"_s << u"cody-opus"_s
        << u"its target \"cody-opus\" is itself an alias, and aliases cannot point at other aliases"_s;
    QTest::newRow("chain to built-in, other case")
        << u"best"_s << u"Cody-Opus"_s
        << u"its target \"Cody-Opus\" is itself an alias, and aliases cannot point at other aliases"_s;
    QTest::newRow("bad target")
        << u"broken"_s << u"openai::gpt-4"_s
        << u"invalid target \"openai::gpt-4\": expected 3 parts separated by '::', found 2"_s;
    QTest::newRow("unknown word target")
        << u"broken"_s << u"gpt-4"_s
        << u"invalid target \"gpt-4\": expected 3 parts separated by '::', found 1"_s;
    QTest::newRow("empty target") << u"broken"_s << QString()
                                  << u"invalid target \"\": the name is empty"_s;
    QTest::newRow("empty name") << QString() << u"openai::v1::gpt-4"_s
                                << u"the alias name is empty"_s;
    QTest::newRow("name with separator")
        << u"a::b"_s << u"openai::v1::gpt-4"_s
        << u"the alias name contains \":\", which is not allowed (use letters, digits and - _ .)"_s;
    QTest::newRow("name with slash")
        << u"cody/x"_s << u"openai::v1::gpt-4"_s << u"the alias name contains \"/\""_s;
    QTest::newRow("name with space")
        << u"my model"_s << u"openai::v1::gpt-4"_s << u"the alias name contains \" \""_s;
}

void TestModelAliases::addUserAlias()
{
    QFETCH(QString, name);
    QFETCH(QString, target);
    QFETCH(QString, error);

    ModelAliases aliases;
    QString actual;
    const bool added = aliases.addUserAlias(name, target, &actual);
    if (error.isEmpty()) {
        QVERIFY2(added, qPrintable(actual));
        const ModelAliases::Alias *alias = aliases.find(name);
        QVERIFY(alias);
        QVERIFY(!alias->builtIn);
        QCOMPARE(alias->target, ModelRef::parse(target));
        QCOMPARE(aliases.aliases().size(), 7);
        QCOMPARE(aliases.aliases().last().name, name);
    } else {
        QVERIFY(!added);
        QVERIFY2(actual.startsWith(error), qPrintable(u"got: "_s + actual));
        QCOMPARE(aliases.aliases().size(), 6);
    }
}

void TestModelAliases::addUserAliasReplacesEarlier()
{
    ModelAliases aliases;
    QVERIFY(aliases.addUserAlias(u"a"_s, u"openai::v1::gpt-4"_s));
    QVERIFY(aliases.addUserAlias(u"b"_s, u"openai::v1::gpt-4"_s));
    QVERIFY(aliases.addUserAlias(u"a"_s, u"google::v1::gemini-pro"_s));
    QCOMPARE(aliases.aliasNames(), BuiltInNames + u", a, b"_s);
    QCOMPARE(aliases.resolve(u"a"_s)->wireName(), u"google::v1::gemini-pro"_s);
    // A user alias can be the target of nothing but a ref: chains are refused for user aliases too.
    QString error;
    QVERIFY(!aliases.addUserAlias(u"c"_s, u"b"_s, &error));
    QVERIFY2(error.contains(u"is itself an alias"_s), qPrintable(error));
}

void TestModelAliases::loadsFromSettings()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"cody-chat.ini"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[general]\n"
                   "model=cody-sonnet\n"
                   "[aliases]\n"
                   "work=cody/openai::2024-02-01::gpt-4o\n"
                   "fast=google::v1::gemini-1.5-flash\n"
                   "cody-sonnet=openai::v1::gpt-4\n"
                   "Cody-Haiku=openai::v1::gpt-4\n"
                   "best=cody-opus\n"
                   "again=work\n"
                   "broken=openai::gpt-4\n"
                   "spaced=openai::v1::gpt 4\n"
                   "listy=openai::v1::a, b\n"
                   "sub\\key=openai::v1::gpt-4\n");
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.status(), QSettings::NoError);

    ModelAliases aliases;
    const QStringList warnings = aliases.loadUserAliases(settings);

    // QSettings lists keys sorted, so this is the order of the expected warnings.
    const QStringList expected = {
        u"ignoring user aliases under \"sub/\": alias names cannot contain '/'"_s,
        u"ignoring user alias \"Cody-Haiku\": it would shadow the built-in alias \"cody-haiku\""_s,
        u"ignoring user alias \"again\": its target \"work\" is itself an alias, and aliases cannot point at other aliases"_s,
        u"ignoring user alias \"best\": its target \"cody-opus\" is itself an alias, and aliases cannot point at other aliases"_s,
        u"ignoring user alias \"broken\": invalid target \"openai::gpt-4\": expected 3 parts separated by '::', found 2"_s,
        u"ignoring user alias \"cody-sonnet\": it would shadow the built-in alias \"cody-sonnet\""_s,
        u"ignoring user alias \"listy\": invalid target \"openai::v1::a, b\": contains whitespace (U+0020)"_s,
        u"ignoring user alias \"spaced\": invalid target \"openai::v1::gpt 4\": contains whitespace (U+0020)"_s,
    };
    QCOMPARE(warnings, expected);

    QCOMPARE(aliases.aliasNames(), BuiltInNames + u", fast, work"_s);
    QCOMPARE(aliases.resolve(u"work"_s)->wireName(), u"openai::2024-02-01::gpt-4o"_s);
    QCOMPARE(aliases.resolve(u"fast"_s)->wireName(), u"google::v1::gemini-1.5-flash"_s);
    // The rejected shadow left the built-in alone.
    QCOMPARE(aliases.resolve(u"cody-sonnet"_s)->wireName(),
        u"anthropic::2023-06-01::claude-3.5-sonnet"_s);

    QString error;
    QVERIFY(!aliases.resolve(u"nope"_s, &error));
    QVERIFY2(error.endsWith(u", cody-gemini, fast, work"_s), qPrintable(error));
    // The caller's settings are left as they were found.
    QCOMPARE(settings.group(), QString());
}

void TestModelAliases::emptySettings()
{
    QVERIFY(m_dir.isValid());
    QSettings settings(m_dir.filePath(u"empty.ini"_s), QSettings::IniFormat);
    ModelAliases aliases;
    QVERIFY(aliases.loadUserAliases(settings).isEmpty());
    QCOMPARE(aliases.aliasNames(), BuiltInNames);
}

QTEST_GUILESS_MAIN(TestModelAliases)
#include "tst_modelaliases.moc"
