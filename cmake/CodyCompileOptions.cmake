# SPDX-License-Identifier: Apache-2.0
# Strict flags live on one INTERFACE target that every project target links, so they are set once.
add_library(cody_compile_options INTERFACE)
target_compile_options(cody_compile_options INTERFACE -Wall -Wextra -pedantic)
target_compile_definitions(cody_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_KEYWORDS)

# AddressSanitizer + UndefinedBehaviorSanitizer for the sanitizer CI job (scripts/sanitize.sh).
# On the INTERFACE target, so every project library and executable (the GUI, the CLI, the fake
# server, each test) is compiled and linked with it; UB aborts instead of printing and going on.
option(CODY_SANITIZE "Build with -fsanitize=address,undefined (see scripts/sanitize.sh)" OFF)
if(CODY_SANITIZE)
    set(CODY_SANITIZE_FLAGS
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(cody_compile_options INTERFACE ${CODY_SANITIZE_FLAGS})
    target_link_options(cody_compile_options INTERFACE ${CODY_SANITIZE_FLAGS})
endif()
