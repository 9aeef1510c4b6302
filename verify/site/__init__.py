"""The built site, for the browser tests and the measuring tools: build, serve, browse, check links."""
