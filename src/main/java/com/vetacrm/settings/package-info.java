/**
 * The installation's lead-mining settings (DESIGN §2 M1): Lead Mining on/off, Leads on/off, the
 * installation country, the trial credits of a fresh installation, the low-balance threshold and the
 * GDPR notice of the mining dialog. {@link com.vetacrm.settings.SettingsService} is the only entry point;
 * values live in {@code app_setting}, one row per key. Depends on {@code directory} (known countries),
 * {@code security} and {@code shared}; other features read it, it reads none of them.
 */
package com.vetacrm.settings;
