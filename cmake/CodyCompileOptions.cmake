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
