// SPDX-License-Identifier: Apache-2.0
// MessageModel: its roles, and a prompt's context changing alone.
#include "chat/messagemodel.h"

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
        const int prompt = model.append({ChatMessage::Speaker::Human, u"what is squirrel?"_s});
        model.append({ChatMessage::Speaker::Assistant, u"A service."_s});
        QCOMPARE(
            model.data(model.index(prompt), MessageModel::ContextRole).value<QList<ContextItem>>(),
            QList<ContextItem>());

        ContextItem repository;
        repository.kind = ContextItem::Kind::Repository;
        repository.repoName = u"github.com/sourcegraph/sourcegraph"_s;
        ContextItem chunk;
        chunk.source = ContextItem::Source::Retrieved;
        chunk.repoName = repository.repoName;
        chunk.path = u"cmd/symbols/squirrel/service.go"_s;
        chunk.content = u"package squirrel"_s;
        chunk.tokens = 12;
        chunk.sent = true;
        QSignalSpy changed(&model, &MessageModel::dataChanged);
        model.setContext(prompt, {repository, chunk});
        // One row, one role: a view redraws the prompt's context, not the text.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(prompt));
        QCOMPARE(changed.first().at(1).toModelIndex(), model.index(prompt));
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> {MessageModel::ContextRole});
        const QList<ContextItem> shown = model.data(model.index(prompt), MessageModel::ContextRole)
                                             .value<QList<ContextItem>>();
        QCOMPARE(shown, QList<ContextItem>({repository, chunk}));
        QCOMPARE(model.message(prompt).context, shown);
        QCOMPARE(model.message(prompt).text, u"what is squirrel?"_s);
    }
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
