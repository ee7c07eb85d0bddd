/**
 * The directory lead mining draws from: reference data from real standards (ISO 3166 countries and
 * subdivisions, IANA time zones, Odoo's industries, contact roles and seniorities, web technologies), the
 * company directory itself with its generator and its CSV import ({@link com.vetacrm.directory.DirectoryImportService}),
 * and, as the directory issue continues, the {@code LeadSource} implementation.
 */
package com.vetacrm.directory;
