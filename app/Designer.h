#pragma once

namespace Kanca::Designer {

// `kanca [FILE]`, when no command is asked for. Built with the designer (Designer.cpp): opens
// the window with FILE, recovered work or the example, and runs it. Built without it
// (NoDesigner.cpp, KANCA_BUILD_DESIGNER=OFF): says that the designer is not part of this build
// and returns the usage error's exit code.
int run(int argc, char *argv[]);

} // namespace Kanca::Designer
