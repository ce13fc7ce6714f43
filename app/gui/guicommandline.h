// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineParser>

#include <optional>

class QCoreApplication;

namespace cody {

/// What cody-chat was asked to do when it opens its window.
struct GuiOptions
{
    bool demo = false; ///< say that the server is the bundled fake Sourcegraph
    QString newChat; ///< start a new chat with this prompt (--new-chat)
};

/**
 * @brief cody-chat's command line.
 *
 * --help and --version only print text, so answerWithoutDisplay() answers them before any GUI
 * application exists: no display is needed, as over SSH. Everything else is parsed by process()
 * once the QApplication has taken Qt's own options (-platform, -style, …) out of the arguments.
 */
class GuiCommandLine
{
public:
    /// Builds the options; their descriptions use the translator installed at that time.
    GuiCommandLine();

    /// Prints help or the version and returns the exit code when the arguments ask for either;
    /// nullopt otherwise. Creates (and destroys) only a QCoreApplication.
    static std::optional<int> answerWithoutDisplay(int &argc, char **argv);

    /// The options of `app`'s arguments; prints the error and exits on a mistake, like
    /// QCommandLineParser::process().
    GuiOptions process(const QCoreApplication &app);

    /// Names and version of the application, for the text-only and the GUI start alike.
    static void describeApplication();

private:
    QCommandLineParser m_parser;
    QStringList m_textOnly; ///< the names of --help and --version
    const QCommandLineOption m_demo;
    const QCommandLineOption m_newChat;
};

} // namespace cody
