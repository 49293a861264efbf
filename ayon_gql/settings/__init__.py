"""Addon settings, typed from each addon's own settings schema.

``ayon-gql generate`` writes one :class:`SettingsModel` per addon (and per
site-settings schema) into the generated package, reached as
``client.settings.<addon>`` (:class:`AddonSettings`).  Reads never fail on
stored values the schema does not allow (kept as read and reported with a
:class:`SettingsValueWarning`); writes are checked strictly and refused with
a :class:`SettingsValidationError` naming the path before anything is sent.
"""

from ayon_gql.settings._addon import (
    AddonSettings,
    AddonSettingsSpec,
    AsyncAddonSettings,
    NoSettings,
)
from ayon_gql.settings._catalog import (
    AsyncSettingsCatalog,
    BundleSettings,
    SettingsCatalog,
    service_addon,
)
from ayon_gql.settings._model import (
    KeptValue,
    SettingsModel,
    SettingsValidationError,
    SettingsValueWarning,
    check_settings,
    kept_values,
    read_settings,
)

__all__ = [
    "AddonSettings",
    "AddonSettingsSpec",
    "AsyncAddonSettings",
    "AsyncSettingsCatalog",
    "BundleSettings",
    "KeptValue",
    "NoSettings",
    "SettingsCatalog",
    "SettingsModel",
    "SettingsValidationError",
    "SettingsValueWarning",
    "check_settings",
    "kept_values",
    "read_settings",
    "service_addon",
]
