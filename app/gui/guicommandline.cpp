// SPDX-License-Identifier: Apache-2.0
#include "guicommandline.h"

#include "ui/translationloader.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody {

GuiCommandLine::GuiCommandLine()
    : m_demo(u"demo"_s,
        QCoreApplication::translate("main",
            "Say clearly that the server is the bundled fake Sourcegraph (used by "
            "scripts/demo.sh)."))
    , m_newChat(u"new-chat"_s,
          QCoreApplication::translate(
              "main", "Start a new chat with TEXT, in the running Cody Chat if there is one."),
          QCoreApplication::translate("main", "TEXT"))
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("main", "Chat with Sourcegraph Cody."));
    m_textOnly = m_parser.addHelpOption().names() + m_parser.addVersionOption().names();
    m_textOnly.append(u"help-all"_s);
    m_parser.addOption(m_demo);
    m_parser.addOption(m_newChat);
}

void GuiCommandLine::describeApplication()
{
    QCoreApplication::setApplicationName(u"cody-chat"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CODY_VERSION));
}

std::optional<int> GuiCommandLine::answerWithoutDisplay(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    {
        GuiCommandLine untranslated;
        // Unknown options are no reason to stop here: they may be Qt's own, which only the
        // QApplication knows.
        (void)untranslated.m_parser.parse(arguments);
        const QStringList given = untranslated.m_parser.optionNames();
        if (std::none_of(given.cbegin(), given.cend(),
                [&](const QString &name) { return untranslated.m_textOnly.contains(name); }))
            return std::nullopt;
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    TranslationLoader::install(&app);
    GuiCommandLine translated;
    translated.m_parser.process(app); // prints help or the version and exits
    return 0;
}

GuiOptions GuiCommandLine::process(const QCoreApplication &app)
{
    m_parser.process(app);
    return {m_parser.isSet(m_demo), m_parser.value(m_newChat)};
}

} // namespace cody
