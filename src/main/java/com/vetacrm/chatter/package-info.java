/**
 * The chatter: a timeline of notes, system events and enrichment cards for any record, addressed by
 * target type and id. Other features write to it through {@link com.vetacrm.chatter.ChatterService}
 * after checking their caller may see the record; the panel in {@code ui} shows a timeline through a
 * {@link com.vetacrm.chatter.ui.ChatterFeed} the owning feature provides.
 */
package com.vetacrm.chatter;
