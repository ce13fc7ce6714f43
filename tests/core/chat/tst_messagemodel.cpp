// SPDX-License-Identifier: Apache-2.0
// MessageModel: its roles, and a prompt's context changing alone.
#include "chat/messagemodel.h"
#include "contextsamples.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::ContextItem;
using cody::MessageModel;

class TestMessageModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextRole()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model);
        QCOMPARE(model.roleNames().value(MessageModel::ContextRole), QByteArray("context"));
        QCOMPARE(model.roleNames().value(MessageModel::UnreadableContextRole),
            QByteArray("unreadableContext"));
        const int prompt = model.append({ChatMessage::Speaker::Human, u"what is squirrel?"_s});
        model.append({ChatMessage::Speaker::Assistant, u"A service."_s});
        QCOMPARE(
            model.data(model.index(prompt), MessageModel::ContextRole).value<QList<ContextItem>>(),
            QList<ContextItem>());

        const ContextItem repository = cody::test::mentionedRepository();
        const ContextItem chunk = cody::test::sentChunk(u"package squirrel"_s);
        QSignalSpy changed(&model, &MessageModel::dataChanged);
        model.setContext(prompt, {repository, chunk});
        // One row, one role: a view redraws the prompt's context, not the text.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(prompt));
        QCOMPARE(changed.first().at(1).toModelIndex(), model.index(prompt));
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
            QList<int>({MessageModel::ContextRole, MessageModel::UnreadableContextRole}));
        const QList<ContextItem> shown = model.data(model.index(prompt), MessageModel::ContextRole)
                                             .value<QList<ContextItem>>();
        QCOMPARE(shown, QList<ContextItem>({repository, chunk}));
        QCOMPARE(model.message(prompt).context, shown);
        QCOMPARE(model.message(prompt).text, u"what is squirrel?"_s);

        // Items a damaged history could not give go when the context is replaced.
        MessageModel::Message damaged = model.message(prompt);
        damaged.unreadableContextItems = 2;
        model.update(prompt, damaged);
        QCOMPARE(model.data(model.index(prompt), MessageModel::UnreadableContextRole).toInt(), 2);
        model.setContext(prompt, {chunk});
        QCOMPARE(model.data(model.index(prompt), MessageModel::UnreadableContextRole).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
