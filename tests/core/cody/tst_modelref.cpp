// SPDX-License-Identifier: Apache-2.0
#include "cody/modelref.h"
#include "recordings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ModelRef;

class TestModelRef : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data();
    void parsesValid();
    void parsesRecordedRefs_data();
    void parsesRecordedRefs();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void rejectsWithoutErrorPointer();
    void defaultIsInvalid();
};

void TestModelRef::parsesValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("model");

    const auto row = [](const char *name, const QString &input, const QString &provider,
                         const QString &apiVersion, const QString &model) {
        QTest::newRow(name) << input << provider << apiVersion << model;
    };
    row("anthropic latest", u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s, u"anthropic"_s,
        u"2024-10-22"_s, u"claude-3-5-sonnet-latest"_s);
    row("google", u"google::v1::gemini-1.5-flash"_s, u"google"_s, u"v1"_s, u"gemini-1.5-flash"_s);
    row("fireworks", u"fireworks::v1::deepseek-coder-v2-lite-base"_s, u"fireworks"_s, u"v1"_s,
        u"deepseek-coder-v2-lite-base"_s);
    row("openai", u"openai::2024-02-01::gpt-4o"_s, u"openai"_s, u"2024-02-01"_s, u"gpt-4o"_s);
    row("mistral", u"mistral::v1::mixtral-8x7b-instruct"_s, u"mistral"_s, u"v1"_s,
        u"mixtral-8x7b-instruct"_s);
    row("cody prefix", u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s, u"anthropic"_s,
        u"2023-06-01"_s, u"claude-3.5-sonnet"_s);
    row("provider with dash", u"ar-anthropic::2024-01-27::research-claude-wool"_s,
        u"ar-anthropic"_s, u"2024-01-27"_s, u"research-claude-wool"_s);
    row("provider upper case kept", u"OpenAI::v1::gpt-4"_s, u"OpenAI"_s, u"v1"_s, u"gpt-4"_s);
    row("provider digits dot underscore", u"x1.y_z-w::v1::m"_s, u"x1.y_z-w"_s, u"v1"_s, u"m"_s);
    row("apiVersion mixed", u"azure::V2024_05.preview-1::gpt"_s, u"azure"_s,
        u"V2024_05.preview-1"_s, u"gpt"_s);
    row("model with slash and at", u"google::v1::publishers/anthropic/claude-3@20240229"_s,
        u"google"_s, u"v1"_s, u"publishers/anthropic/claude-3@20240229"_s);
    row("model with single colons", u"openai::v1::ft:gpt-3.5-turbo:acme:x"_s, u"openai"_s, u"v1"_s,
        u"ft:gpt-3.5-turbo:acme:x"_s);
    row("model ending in colon", u"openai::v1::gpt:"_s, u"openai"_s, u"v1"_s, u"gpt:"_s);
    row("one character parts", u"a::b::c"_s, u"a"_s, u"b"_s, u"c"_s);
}

void TestModelRef::parsesValid()
{
    QFETCH(QString, input);
    QFETCH(QString, provider);
    QFETCH(QString, apiVersion);
    QFETCH(QString, model);

    QString error = u"untouched"_s;
    const std::optional<ModelRef> ref = ModelRef::parse(input, &error);
    QVERIFY2(ref, qPrintable(error));
    QVERIFY(ref->isValid());
    QCOMPARE(ref->provider(), provider);
    QCOMPARE(ref->apiVersion(), apiVersion);
    QCOMPARE(ref->modelId(), model);
    QCOMPARE(error, u"untouched"_s);

    const QString wire = provider + u"::"_s + apiVersion + u"::"_s + model;
    QCOMPARE(ref->wireName(), wire);
    QCOMPARE(ref->fullName(), u"cody/"_s + wire);
    // Both spellings name the same model, and printing then parsing changes nothing.
    QCOMPARE(ModelRef::parse(ref->fullName()), ref);
    QCOMPARE(ModelRef::parse(ref->wireName()), ref);
}

void TestModelRef::parsesRecordedRefs_data()
{
    QTest::addColumn<QString>("input");

    SKIP_WITHOUT_RECORDINGS();
    const QStringList files = {u"16-supported-models-dotcom-response.json"_s,
        u"17-supported-models-enterprise-s2-response.json"_s};
    for (const QString &name : files) {
        REQUIRE_RECORDING(path, name);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray models = root.value(u"models").toArray();
        QVERIFY2(models.size() > 20, qPrintable(name));
        for (const QJsonValue &model : models) {
            const QString ref = model.toObject().value(u"modelRef").toString();
            QTest::addRow("%s %s", qPrintable(name.left(2)), qPrintable(ref)) << ref;
        }
        const QJsonObject defaults = root.value(u"defaultModels").toObject();
        for (auto it = defaults.begin(); it != defaults.end(); ++it) {
            QTest::addRow("%s default %s", qPrintable(name.left(2)), qPrintable(it.key()))
                << it.value().toString();
        }
    }
}

void TestModelRef::parsesRecordedRefs()
{
    QFETCH(QString, input);

    QString error;
    const std::optional<ModelRef> ref = ModelRef::parse(input, &error);
    QVERIFY2(ref, qPrintable(input + u": "_s + error));
    QCOMPARE(ref->wireName(), input);
    QCOMPARE(ModelRef::parse(u"cody/"_s + input), ref);
}

void TestModelRef::rejectsInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QString() << u"the name is empty"_s;
    QTest::newRow("leading space")
        << u" openai::v1::gpt-4"_s << u"has leading or trailing whitespace"_s;
    QTest::newRow("trailing space")
        << u"openai::v1::gpt-4 "_s << u"has leading or trailing whitespace"_s;
    QTest::newRow("trailing nbsp")
        << u"openai::v1::gpt-4\u00a0"_s << u"has leading or trailing whitespace"_s;
    QTest::newRow("only spaces") << u"   "_s << u"has leading or trailing whitespace"_s;
    QTest::newRow("inner space") << u"openai::v1::gpt 4"_s << u"contains whitespace (U+0020)"_s;
    QTest::newRow("inner ideographic space")
        << u"openai::v1::gpt\u30004"_s << u"contains whitespace (U+3000)"_s;
    QTest::newRow("tab") << u"openai::v1::gpt\t4"_s << u"contains a control character (U+0009)"_s;
    QTest::newRow("trailing newline")
        << u"openai::v1::gpt-4\n"_s << u"contains a control character (U+000A)"_s;
    QTest::newRow("nul") << u"openai::v1::gpt\u00004"_s
                         << u"contains a control character (U+0000)"_s;
    QTest::newRow("escape") << u"openai::v1::\u001b[31mgpt"_s
                            << u"contains a control character (U+001B)"_s;
    QTest::newRow("del") << u"openai::v1::gpt\u007f"_s
                         << u"contains a control character (U+007F)"_s;
    QTest::newRow("one part") << u"gpt-4"_s << u"expected 3 parts separated by '::', found 1"_s;
    QTest::newRow("two parts") << u"openai::gpt-4"_s
                               << u"expected 3 parts separated by '::', found 2"_s;
    QTest::newRow("four parts") << u"openai::v1::gpt::4"_s
                                << u"expected 3 parts separated by '::', found 4"_s;
    QTest::newRow("single colons")
        << u"openai:v1:gpt-4"_s << u"expected 3 parts separated by '::', found 1"_s;
    QTest::newRow("legacy slash form")
        << u"sourcegraph/claude-3.5-sonnet"_s << u"expected 3 parts separated by '::', found 1"_s;
    QTest::newRow("empty provider") << u"::v1::gpt-4"_s << u"the provider part is empty"_s;
    QTest::newRow("empty apiVersion") << u"openai::::gpt-4"_s << u"the apiVersion part is empty"_s;
    QTest::newRow("empty model") << u"openai::v1::"_s << u"the model part is empty"_s;
    QTest::newRow("only separators") << u"::::"_s << u"the provider part is empty"_s;
    QTest::newRow("cody prefix only") << u"cody/"_s << u"nothing follows the \"cody/\" prefix"_s;
    QTest::newRow("cody prefix capitalised")
        << u"Cody/openai::v1::gpt-4"_s << u"the prefix must be \"cody/\" in lower case"_s;
    QTest::newRow("cody prefix twice")
        << u"cody/cody/openai::v1::gpt-4"_s
        << u"the provider part contains '/' (U+002F), which is not allowed"_s;
    QTest::newRow("cody prefix empty provider")
        << u"cody/::v1::gpt-4"_s << u"the provider part is empty"_s;
    QTest::newRow("triple colon") << u"openai::v1:::gpt-4"_s
                                  << u"contains ':::'; the parts are separated by exactly '::'"_s;
    QTest::newRow("provider starts with dash")
        << u"-openai::v1::gpt-4"_s
        << u"the provider part must start with a letter or digit, not '-' (U+002D)"_s;
    QTest::newRow("provider with at")
        << u"open@ai::v1::gpt-4"_s << u"the provider part contains '@' (U+0040)"_s;
    QTest::newRow("provider non-ascii letter")
        << u"opén::v1::gpt-4"_s << u"the provider part contains 'é' (U+00E9)"_s;
    QTest::newRow("apiVersion with slash")
        << u"openai::v1/beta::gpt-4"_s << u"the apiVersion part contains '/' (U+002F)"_s;
    QTest::newRow("apiVersion with colon")
        << u"openai::v:1::gpt-4"_s << u"the apiVersion part contains ':' (U+003A)"_s;
    QTest::newRow("model with hash")
        << u"openai::v1::gpt#4"_s << u"the model part contains '#' (U+0023)"_s;
    QTest::newRow("model with quote")
        << u"openai::v1::gpt\"4"_s << u"the model part contains '\"' (U+0022)"_s;
    QTest::newRow("zero-width space")
        << u"openai::v1::gpt\u200b4"_s << u"the model part contains U+200B, which is not allowed"_s;
    QTest::newRow("emoji") << u"openai::v1::gpt-\U0001F600"_s
                           << u"the model part contains '\U0001F600' (U+1F600)"_s;
}

void TestModelRef::rejectsInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);

    QString error;
    const std::optional<ModelRef> ref = ModelRef::parse(input, &error);
    QVERIFY2(!ref, qPrintable(ref ? ref->wireName() : QString()));
    QVERIFY2(error.contains(reason), qPrintable(u"got: "_s + error));
    QVERIFY2(!error.contains(u'\n'), "the reason must be one line");
}

void TestModelRef::rejectsWithoutErrorPointer()
{
    QVERIFY(!ModelRef::parse(u"nope"_s));
}

void TestModelRef::defaultIsInvalid()
{
    const ModelRef ref;
    QVERIFY(!ref.isValid());
    QVERIFY(ref.wireName().isEmpty());
    QVERIFY(ref.fullName().isEmpty());
}

QTEST_GUILESS_MAIN(TestModelRef)
#include "tst_modelref.moc"
