// clipshelf-cli: Clipshelf from the terminal. Same configuration and the same
// per-profile session as the app; a console program so the GUI stays free of one.

#include "buildconfig.h"
#include "cli/command.h"
#include "cli/commandline.h"
#include "core/logging.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    clipshelf::logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setOrganizationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIPSHELF_VERSION));

    clipshelf::cli::CommandLine commandLine(clipshelf::cli::allCommands());
    return commandLine.run(QCoreApplication::arguments());
}
