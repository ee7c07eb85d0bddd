/**
 * Leads and opportunities: the pipeline, the leads grid and the lead form. The full capability
 * arrives with the CRM-core issue; the foundation provides the pipeline's stage columns.
 */
package com.vetacrm.lead;
