package com.vetacrm.chatter.ui;

import com.vetacrm.chatter.ChatterItem;
import java.util.List;

/**
 * What a {@link ChatterPanel} reads and writes, provided by the feature that owns the record. The
 * owner's service checks that the user may see the record, so the panel itself needs no rules.
 */
public interface ChatterFeed {

    /** A page of the timeline, newest first. */
    List<ChatterItem> load(int offset, int limit);

    /** Logs a note on the record. */
    void post(String text);
}
