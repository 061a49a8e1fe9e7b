"""Site helpers for the help center: writer text (no MkDocs) and the MkDocs glue
(`mkdocs_*` modules, which are the only ones that import MkDocs or mkdocs-static-i18n)."""
