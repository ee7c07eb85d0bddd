/**
 * The lead-mining views: the Generate Leads button (a {@link com.vetacrm.lead.ui.LeadViewAction}) and its
 * dialog, the Lead Mining Requests list and a request's page. Nothing depends on this package, so it is not
 * a named interface.
 */
package com.vetacrm.mining.ui;
