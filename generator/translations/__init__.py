"""Translators' workflow: exchange files (PO, XLIFF) exported from and imported into the
trees' overlay files and the interface strings, and the translation status report."""
