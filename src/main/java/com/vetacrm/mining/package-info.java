/**
 * Lead mining (DESIGN §5): the Generate Leads dialog's rules, cost and free preview; Lead Mining Requests,
 * submitted with a credit hold and run as persistent, exactly-once background jobs that create the leads,
 * their contacts, tags and enrichment cards in one transaction and capture exactly what was delivered.
 * Companies come from a {@link com.vetacrm.leadsource.LeadSource} (Veta's directory); records are created
 * through {@link com.vetacrm.lead.LeadService}; credits through {@link com.vetacrm.credits.CreditService}.
 */
package com.vetacrm.mining;
