/**
 * The directory lead mining draws from: reference data from real standards (ISO 3166 countries and
 * subdivisions, IANA time zones, Odoo's industries, contact roles and seniorities, web technologies),
 * and, as the directory issue continues, the company directory itself, its generator, import and the
 * {@code LeadSource} implementation.
 */
package com.vetacrm.directory;
