/**
 * Credits (DESIGN §6, docs/credits.md): one account per service ({@code LEAD_MINING}), its ledger, holds
 * that can never overdraw, purchases of credit packs through a {@link com.vetacrm.credits.PaymentProvider}
 * (the built-in one: an administrator approves), the trial grant of a fresh installation and the
 * low-balance warning. {@link com.vetacrm.credits.CreditService} is the only entry point. Depends on
 * {@code settings} (threshold, trial credits), {@code security}, {@code shared}; the view adds the
 * low-balance banner to the shell through {@code shell.ShellBanner}.
 */
package com.vetacrm.credits;
