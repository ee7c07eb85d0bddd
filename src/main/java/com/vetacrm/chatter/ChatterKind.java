package com.vetacrm.chatter;

/** What a chatter entry is: a user's note, a system event, or a mining enrichment card. */
public enum ChatterKind {
    NOTE,
    EVENT,
    ENRICHMENT
}
