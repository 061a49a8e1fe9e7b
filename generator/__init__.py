"""helpcenter: validate YAML decision trees and render a localized help center."""

__version__ = "0.1.0"
