/**
 * The lead-source SPI (DESIGN §4, §7): what lead mining asks of a company data source, so that sources
 * other than Veta's own directory (a remote provider over HTTP, a public company registry) can be added
 * without touching mining. Mining calls {@link com.vetacrm.leadsource.LeadSource#preview} for the free
 * match counts of the dialog and {@link com.vetacrm.leadsource.LeadSource#select} to pick the companies
 * of a request; the CRM tells the source what it already knows through
 * {@link com.vetacrm.leadsource.Exclusions}. Depends on nothing else in Veta, so mining, the directory
 * and the lead module can all depend on it without a cycle.
 */
package com.vetacrm.leadsource;
