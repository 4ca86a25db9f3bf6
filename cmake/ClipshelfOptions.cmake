# Build-time defaults for packagers. Every value can be overridden at run time by
# the system config file, the user's config file, CLIPSHELF_* variables and flags.
set(CLIPSHELF_DEFAULT_ISSUER "" CACHE STRING "OpenID Connect issuer URL baked into the build")
set(CLIPSHELF_DEFAULT_CLIENT_ID "" CACHE STRING "OAuth client id baked into the build")
set(CLIPSHELF_DEFAULT_CLIENT_SECRET "" CACHE STRING
    "OAuth client secret for providers that require one for desktop clients (Google); not secret, never logged")
set(CLIPSHELF_DEFAULT_SCOPES "openid profile email offline_access" CACHE STRING "Scopes requested at sign-in")
set(CLIPSHELF_DEFAULT_RESOURCE "" CACHE STRING "API audience, sent as the RFC 8707 resource parameter")
set(CLIPSHELF_DEFAULT_AUTH_PARAMS "" CACHE STRING "Extra authorization request parameters, k=v&k2=v2")
set(CLIPSHELF_DEFAULT_API_URL "" CACHE STRING "Base URL of the Clipshelf API")
set(CLIPSHELF_DEFAULT_REDIRECT_PORTS "" CACHE STRING
    "Comma list of fixed loopback ports registered with the provider; empty = ephemeral port")
set(CLIPSHELF_APP_ID "org.clipshelf.Clipshelf" CACHE STRING "Reverse-DNS application id")
set(CLIPSHELF_DEVELOPER_ID "org.clipshelf" CACHE STRING
    "AppStream <developer id>: the developer's reverse-DNS id (software centres group apps by it)")
set(CLIPSHELF_SCREENSHOTS_URL "${PROJECT_HOMEPAGE_URL}/screenshots" CACHE STRING
    "Where docs/screenshots/*.png are published (https, no trailing slash): the AppStream screenshots")

option(CLIPSHELF_BUILD_STACK "Build the reference API server even without tests" OFF)
option(CLIPSHELF_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
