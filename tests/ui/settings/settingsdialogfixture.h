// SPDX-License-Identifier: Apache-2.0
// What the SettingsDialog tests share: a fresh settings file and secret store per test, and ways
// to reach and drive the dialog's widgets.
#pragma once

#include "account/config.h"
#include "fakesourcegraph.h"
#include "memorysecretstore.h"
#include "testcertificate.h"
#include "ui/settings/aliaseditor.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/settingstokeneditor.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using cody::SecretResult;
using cody::SecretStore;
using cody::SettingsDialog;
using cody::test::FakeSourcegraph;
using cody::test::MemorySecretStore;

namespace cody::test {

inline const QString FastTarget = u"cody/anthropic::2023-06-01::claude-3-haiku"_s;

/// Reads like the keychain but refuses every write, to see the dialog stay open.
class RefusingSecretStore final : public SecretStore
{
public:
    using SecretStore::SecretStore;
    void read(const QString &, QObject *context, Callback done) override
    {
        answer(context, std::move(done), {SecretResult::Status::NotFound, {}, u"none"_s});
    }
    void write(const QString &, const QString &, QObject *context, Callback done) override
    {
        answer(context, std::move(done), {SecretResult::Status::Failed, {}, u"locked (test)"_s});
    }
    void remove(const QString &, QObject *context, Callback done) override
    {
        answer(context, std::move(done), {SecretResult::Status::Failed, {}, u"locked (test)"_s});
    }

private:
    static void answer(QObject *context, Callback done, SecretResult result)
    {
        QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
    }
};

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cody::test

class SettingsDialogFixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;

    QString iniPath() const { return m_dir.filePath(u"cody-chat.ini"_s); }

    std::unique_ptr<SettingsDialog> open(
        const QProcessEnvironment &environment = {}, SecretStore *secrets = nullptr)
    {
        auto dialog = std::make_unique<SettingsDialog>(
            *m_settings, environment, secrets ? secrets : &m_secrets, nullptr);
        dialog->show();
        return dialog;
    }

    template <typename T> static T *child(QWidget *dialog, const QString &name)
    {
        T *widget = dialog->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }

    static QLineEdit *tokenEdit(QWidget *dialog)
    {
        return child<QLineEdit>(dialog, u"accessToken"_s);
    }
    static bool tokenBusy(QWidget *dialog)
    {
        return dialog->findChild<cody::SettingsTokenEditor *>()->isBusy();
    }
    static void clickOk(QWidget *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }
    static QString resultText(QWidget *dialog)
    {
        return child<QLabel>(dialog, u"connectionResult"_s)->text();
    }
    static void setUrl(QWidget *dialog, const QString &url)
    {
        auto *edit = child<QLineEdit>(dialog, u"url"_s);
        edit->setText(url);
        Q_EMIT edit->editingFinished();
    }
    static void typeToken(QWidget *dialog, const QString &token)
    {
        QLineEdit *edit = tokenEdit(dialog);
        edit->selectAll();
        if (token.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, token);
    }

    void reset()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(iniPath());
        m_settings = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
        m_secrets.setUnavailable(false);
        for (const QString &key : m_secrets.secrets().keys())
            m_secrets.remove(key, this, [](const SecretResult &) {});
        QTRY_VERIFY(m_secrets.secrets().isEmpty());
    }
};
