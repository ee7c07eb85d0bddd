/**
 * The lead views: pipeline, leads grid and lead page. {@link com.vetacrm.lead.ui.LeadViewAction} is
 * the extension point later features (lead mining) implement to add their buttons, hence a named
 * interface.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.vetacrm.lead.ui;
