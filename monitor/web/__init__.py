"""A read-only web view of the archive (`monitor serve`): server-rendered, no JavaScript.

`app` builds the ASGI application, `routes` holds the pages (their queries are in
`monitor.store.browse`), `render` the pure shaping of records for templates, `security` the
read-only/auth/header guard."""
